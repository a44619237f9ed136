/**
 * Text on screen under `root` (text nodes and the names and hints in attributes) that still
 * holds English once the `allowed` words are taken out: data shown as it comes, proper names,
 * units. A Chinese screen should leave nothing.
 */
export function englishLeftIn(root: HTMLElement, allowed: RegExp): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    // A style sheet a component adds is not text on screen.
    if (node.parentElement?.closest("style") == null) texts.push(node.textContent ?? "");
  }
  for (const element of root.querySelectorAll("*")) {
    for (const attribute of ["aria-label", "title", "placeholder", "alt"]) {
      const value = element.getAttribute(attribute);
      if (value !== null) texts.push(value);
    }
  }
  return texts.map((text) => text.replace(allowed, "")).filter((text) => /[A-Za-z]{2,}/.test(text));
}
