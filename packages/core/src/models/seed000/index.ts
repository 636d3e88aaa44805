// Public surface of this folder; re-exported by the package index.
export {};
