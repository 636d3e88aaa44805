import { err, ok, type Result } from '@opspilot/core';
import type { Finding, InputFile } from './types.js';

/**
 * Files larger than this are refused unless {@link ValidateOptions.maxFileBytes} says otherwise: 32 MiB holds the
 * largest real manifests (kube-prometheus-stack with its CRDs is 5.2 MB) while keeping a run's memory bounded.
 */
export const DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function inputFinding(file: string, rule: string, message: string, fix: string): Finding {
  return { rule, severity: 'ERROR', message, file, category: 'input', fix, line: 1, column: 1 };
}

/**
 * Turns an input file into text, refusing (as a finding naming the file) one that is too large, binary (holds
 * NUL bytes) or not valid UTF-8. A leading byte-order mark is dropped.
 */
export function decodeInput(file: InputFile, maxBytes = DEFAULT_MAX_FILE_BYTES): Result<string, Finding> {
  const size = file.size ?? (typeof file.content === 'string' ? file.content.length : file.content.byteLength);
  if (size > maxBytes) {
    const mib = (maxBytes / 1024 / 1024).toFixed(maxBytes % (1024 * 1024) === 0 ? 0 : 1);
    return err(
      inputFinding(
        file.path,
        'file-too-large',
        `${file.path} is ${size} bytes, over the ${mib} MiB limit`,
        'split the file, or validate the generated output in parts',
      ),
    );
  }
  const bytes = typeof file.content === 'string' ? undefined : file.content;
  let text: string;
  if (bytes) {
    if (bytes.subarray(0, 8192).includes(0)) {
      return err(
        inputFinding(
          file.path,
          'file-binary',
          `${file.path} is a binary file`,
          'pass only YAML manifests, Helm charts and Dockerfiles',
        ),
      );
    }
    try {
      text = decoder.decode(bytes);
    } catch {
      return err(inputFinding(file.path, 'file-encoding', `${file.path} is not valid UTF-8`, 'save the file as UTF-8'));
    }
  } else {
    text = file.content as string;
    if (text.includes('\u0000')) {
      return err(
        inputFinding(
          file.path,
          'file-binary',
          `${file.path} is a binary file`,
          'pass only YAML manifests, Helm charts and Dockerfiles',
        ),
      );
    }
    if (LONE_SURROGATE.test(text)) {
      return err(inputFinding(file.path, 'file-encoding', `${file.path} is not valid UTF-8`, 'save the file as UTF-8'));
    }
  }
  return ok(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}
