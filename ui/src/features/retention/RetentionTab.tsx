import type { ImageRef } from "../browse/queries";

export function RetentionTab({ imageRef }: { imageRef: ImageRef }) {
  return <div data-testid="retention-tab" data-image={`${imageRef.organization}/${imageRef.image}`} />;
}
