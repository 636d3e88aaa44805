// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AnnotatedSource } from './AnnotatedSource.js';

afterEach(cleanup);

describe('AnnotatedSource', () => {
  it('shows each finding right under its line and line-less ones above the file', () => {
    render(
      <AnnotatedSource
        path="deploy.yaml"
        content={'kind: Deployment\nimage: nginx:latest\nreplicas: 1'}
        findings={[
          { file: 'deploy.yaml', line: 2, severity: 'WARNING', rule: 'no-latest-tag', message: 'pin the tag' },
          { file: 'deploy.yaml', severity: 'ERROR', rule: 'schema', message: 'spec is missing' },
          { file: 'other.yaml', line: 1, severity: 'ERROR', rule: 'x', message: 'not this file' },
        ]}
      />,
    );
    const notes = screen.getAllByRole('note');
    expect(notes.map((n) => n.textContent)).toEqual([
      expect.stringContaining('spec is missing'),
      expect.stringContaining('line 2: pin the tag'),
    ]);
    expect(notes[1]?.parentElement?.textContent).toContain('image: nginx:latest');
    expect(screen.queryByText(/not this file/)).toBeNull();
  });
});
