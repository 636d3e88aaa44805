import { describe, expect, it } from 'vitest';
import { type FolderEntry, MAX_FILE_BYTES, projectNameOf, readProjectFolder } from './readProjectFolder.js';

const entry = (webkitRelativePath: string, content: string, size = content.length): FolderEntry => ({
  webkitRelativePath,
  size,
  text: async () => content,
});

describe('readProjectFolder', () => {
  it('keeps text files relative to the folder, leaving out dependency folders, big and binary files', async () => {
    const folder = await readProjectFolder([
      entry('shop/services/api/go.mod', 'module x'),
      entry('shop/package.json', '{}'),
      entry('shop/node_modules/react/package.json', '{}'),
      entry('shop/apps/web/dist/index.js', 'x'),
      entry('shop/pnpm-lock.yaml', 'x', MAX_FILE_BYTES + 1),
      entry('shop/logo.png', 'PNG\u0000\u0001'),
    ]);
    expect(folder).toEqual({
      name: 'shop',
      files: [
        { path: 'package.json', content: '{}' },
        { path: 'services/api/go.mod', content: 'module x' },
      ],
      skipped: 2,
    });
  });

  it('proposes a Kubernetes name for the folder', () => {
    expect(projectNameOf('My_Shop')).toBe('my-shop');
    expect(projectNameOf('2048')).toBe('app-2048');
    expect(projectNameOf('__')).toBe('app');
  });
});
