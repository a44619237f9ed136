import type { ImageRef } from "../browse/queries";

export function TriggersTab({ imageRef }: { imageRef: ImageRef }) {
  return <div data-testid="triggers-tab" data-image={`${imageRef.organization}/${imageRef.image}`} />;
}
