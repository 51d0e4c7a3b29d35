import JSZip from 'jszip';

/** A .docx opened the way Word does: unzipped, its document.xml and styles.xml read. */
export async function openDocx(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} missing from the .docx`);
    return file.async('string');
  };
  const documentXml = await read('word/document.xml');
  // The text as Word shows it: every w:t in order, paragraphs on their own lines.
  const text = documentXml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<w:br\/>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
  return { zip, documentXml, text, stylesXml: await read('word/styles.xml'), read };
}
