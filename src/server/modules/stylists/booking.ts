// TEMPORARY contract placeholder, replaced by the implementation in the next commit.
import { ApiError } from '../../http/errors.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function acceptRequest(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function cancelRequest(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function completeBooking(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function declineRequest(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function getRequest(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function listClientBookings(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function listStylistInbox(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function requestStylist(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function rescheduleRequest(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

