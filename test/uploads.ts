/** The smallest valid PDF-looking bytes (the magic number decides the type). */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** The smallest PNG: one pixel. */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** An upload as every route takes it: a file name and the bytes in base64. */
export const attached = (filename: string, bytes: Buffer) => ({
  filename,
  contentBase64: bytes.toString('base64'),
});
