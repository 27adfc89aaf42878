// Hands an exported file to the browser: a Blob and a temporary <a download>. In Electron this
// opens the save dialog; in browser mode it downloads.
import type { ExportedFileData } from '../../../shared/ipc-contract';

export function downloadFile(file: ExportedFileData): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
