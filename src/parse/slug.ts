const ASCII = /^[\x00-\x7f]*$/;

/** URL-safe slugs: lowercase ASCII letters, digits and single hyphens. */
export function slugify(text: string, maxLength = 60): string {
  // Decomposing accents (NFKD, an ICU call) changes nothing in ASCII text, most headlines.
  const base = ASCII.test(text) ? text : text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const slug = base
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  return cut.includes("-") ? cut.slice(0, cut.lastIndexOf("-")) : cut;
}
