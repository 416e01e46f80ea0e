/**
 * Whether a browser may show a file of this (sniffed) content type in place of downloading it: PDF and
 * images, which it renders without running anything of the file's. Office files and videos are downloaded.
 */
export function opensInline(contentType: string): boolean {
  return contentType === 'application/pdf' || contentType === 'image/png' || contentType === 'image/jpeg';
}
