/** What a submitted details form changes for `user`: names always, email and phone only when they differ. */
export function detailsChangeFrom(form: FormData, user: { email: string; phoneNumber?: string }) {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const email = text('email');
  const phone = text('phoneNumber');
  return {
    firstName: text('firstName'),
    lastName: text('lastName'),
    ...(email.toLowerCase() !== user.email.toLowerCase() ? { email } : {}),
    // An emptied field removes the number.
    ...(phone !== (user.phoneNumber ?? '') ? { phoneNumber: phone || null } : {}),
  };
}
