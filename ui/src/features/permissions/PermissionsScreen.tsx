export function PermissionsScreen() {
  return <section className="screen" data-testid="permissions-screen" />;
}
