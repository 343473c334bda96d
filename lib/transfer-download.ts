// Saves text as a file from an extension page: a Blob of parts (never one joined
// string), an <a download> click, and the object URL released later.
export function downloadParts(name: string, parts: BlobPart[], type: string) {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
