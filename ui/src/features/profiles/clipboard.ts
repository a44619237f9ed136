// Copying secrets: the clipboard is shared with every other program, so a copied login key is
// wiped after a minute unless the user has copied something else meanwhile.

export const CLEAR_AFTER_MS = 60_000;

let pending: ReturnType<typeof setTimeout> | null = null;

/** Copies `text` and schedules the clipboard to be emptied after `CLEAR_AFTER_MS`. */
export async function copySecret(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
  if (pending !== null) clearTimeout(pending);
  pending = setTimeout(() => {
    pending = null;
    void clearIfStill(text);
  }, CLEAR_AFTER_MS);
}

async function clearIfStill(text: string): Promise<void> {
  try {
    // Reading may be refused; then clear anyway rather than leave a key behind.
    const current = await navigator.clipboard.readText().catch(() => text);
    if (current === text) await navigator.clipboard.writeText("");
  } catch {
    // Nothing more can be done from here.
  }
}
