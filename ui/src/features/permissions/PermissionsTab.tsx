import type { ImageRef } from "../browse/queries";

export function PermissionsTab({ imageRef }: { imageRef: ImageRef }) {
  return <div data-testid="permissions-tab" data-image={`${imageRef.organization}/${imageRef.image}`} />;
}
