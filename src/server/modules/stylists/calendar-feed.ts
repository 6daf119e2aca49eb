// TEMPORARY contract placeholder, replaced by the implementation in the next commit.
import { ApiError } from '../../http/errors.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function calendarFeedFor(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function renderCalendarFeed(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function rotateCalendarFeed(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

