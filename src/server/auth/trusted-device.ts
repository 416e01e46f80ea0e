/**
 * A browser that signed in as a user before and presents that sign-in's device cookie (OWASP's device
 * cookies, docs/decisions/0008-device-cookies.md): its sign-ins for that user take the device lane.
 */
export interface TrustedDevice {
  id: string;
  userId: string;
}

/** The device cookie: sent to the sign-in route only. */
export const DEVICE_COOKIE = 'cosell_device';
export const DEVICE_COOKIE_PATH = '/api/v1/auth/login';
