/** A strict RFC 4180 reader for tests: CRLF rows, quoted fields with doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field === "") {
      quoted = true;
    } else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && text[index + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      index++;
    } else {
      if (char === "\n" || char === "\r" || char === '"')
        throw new Error(`Bare ${JSON.stringify(char)} outside quotes at ${index}`);
      field += char;
    }
  }
  if (quoted) throw new Error("Unterminated quoted field");
  if (field !== "" || row.length > 0) throw new Error("The last row does not end with CRLF");
  return rows;
}
