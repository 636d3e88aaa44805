// Public surface of this package.
export {};
