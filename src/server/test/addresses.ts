/** The demo client's delivery address in Paris, for orders placed in API tests and browser journeys. */
export const PARIS_ADDRESS = {
  recipientName: 'Layla Rahman',
  line1: '31 rue Cambon',
  city: 'Paris',
  state: '',
  postalCode: '75001',
  country: 'FR',
  phoneNumber: '+33 1 44 50 66 00',
};
