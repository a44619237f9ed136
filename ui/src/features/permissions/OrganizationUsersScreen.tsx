export function OrganizationUsersScreen() {
  return <section className="screen" data-testid="organization-users-screen" />;
}
