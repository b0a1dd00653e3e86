/** A file part of a multipart/form-data body. */
export interface UploadedFile {
  filename: string;
  content: Buffer;
  contentType?: string;
}

/** The parts of a multipart/form-data body, split into plain fields and files. */
export interface MultipartBody {
  fields: Record<string, string>;
  files: Record<string, UploadedFile>;
}

/** Extracts the boundary from a `multipart/form-data; boundary=...` content type. */
export function multipartBoundary(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/**
 * Parses a complete multipart/form-data body (RFC 7578).
 *
 * Tolerant of the compact headers grammY writes (`content-disposition:form-data;name="x";filename=y`,
 * no spaces, unquoted filename), since that is exactly what the emulator receives.
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
  const result: MultipartBody = { fields: {}, files: {} };
  const delimiter = Buffer.from(`--${boundary}`);
  const nextDelimiter = Buffer.from(`\r\n--${boundary}`);

  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new Error("multipart body has no boundary");
  pos += delimiter.length;

  for (;;) {
    // After a delimiter comes either "--" (end of body) or CRLF and the next part.
    if (body.toString("latin1", pos, pos + 2) === "--") break;
    if (body.toString("latin1", pos, pos + 2) !== "\r\n") throw new Error("malformed multipart delimiter");
    pos += 2;

    const headerEnd = body.indexOf("\r\n\r\n", pos);
    if (headerEnd < 0) throw new Error("multipart part without header terminator");
    const headers = parseHeaders(body.toString("utf8", pos, headerEnd));
    const contentStart = headerEnd + 4;
    const contentEnd = body.indexOf(nextDelimiter, contentStart);
    if (contentEnd < 0) throw new Error("multipart body is not terminated");
    const content = body.subarray(contentStart, contentEnd);
    pos = contentEnd + nextDelimiter.length;

    const disposition = parseDisposition(headers["content-disposition"] ?? "");
    if (disposition.name === undefined) continue;
    if (disposition.filename !== undefined) {
      result.files[disposition.name] = {
        filename: disposition.filename,
        // Copy so the recorded file does not pin the whole request body in memory.
        content: Buffer.from(content),
        contentType: headers["content-type"],
      };
    } else {
      result.fields[disposition.name] = content.toString("utf8");
    }
  }
  return result;
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function parseDisposition(value: string): { name?: string; filename?: string } {
  const params: Record<string, string> = {};
  for (const match of value.matchAll(/;\s*([\w*-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g)) {
    const key = match[1]!.toLowerCase();
    let raw = match[2]!.trim();
    if (raw.startsWith('"')) raw = raw.slice(1, -1).replace(/\\(.)/g, "$1");
    params[key] = raw;
  }
  const extended = params["filename*"];
  if (extended !== undefined) {
    // RFC 5987: charset'language'percent-encoded-value
    const encoded = extended.slice(extended.lastIndexOf("'") + 1);
    params.filename = decodeURIComponent(encoded);
  }
  return { name: params.name, filename: params.filename };
}
