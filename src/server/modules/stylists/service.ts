// TEMPORARY contract placeholder, replaced by the implementation in the next commit.
import { ApiError } from '../../http/errors.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function addPortfolioItem(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function addService(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function adminListStylists(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function createStylist(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function deletePortfolioItem(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function deleteService(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function deleteStylist(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function getAvailability(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function getMyStylist(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function getSchedule(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function getStylist(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function listStylists(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function reviewStylist(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function setCancellationPolicy(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function updateAvailabilityWindows(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function updateSchedule(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function updateService(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars
export async function updateStylist(..._args: any[]): Promise<any> {
  throw new ApiError('ServiceUnavailableException', 'Coming in the next commit');
}

