import type { ImageRef } from "../browse/queries";

export function SyncTab({ imageRef }: { imageRef: ImageRef }) {
  return <div data-testid="sync-tab" data-image={`${imageRef.organization}/${imageRef.image}`} />;
}
