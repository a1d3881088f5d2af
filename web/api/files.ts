import type { UploadFile } from '../../contracts/files.ts';
import { ApiError } from './client.ts';

/** A file the person chose, as an upload inside JSON takes it: its name and its bytes in base64. */
export async function readUpload(file: File): Promise<UploadFile> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    throw new ApiError(0, 'FILE', 'That file could not be read. Please choose it again.');
  }
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { filename: file.name, contentBase64: btoa(binary) };
}
