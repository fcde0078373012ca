// Saves text as a file the user downloads (CSV exports), without leaving anything in the page.
export function downloadText(root: ParentNode & Node, name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // A BOM so spreadsheet programs read Chinese headers as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  root.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
