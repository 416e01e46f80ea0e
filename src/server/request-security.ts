import type { FastifyRequest } from 'fastify';

/**
 * Whether the request reached us over HTTPS: TLS on this server's own socket, or, behind a TLS-terminating
 * proxy, the proxy's X-Forwarded-Proto once the proxy is trusted (Fastify's `trustProxy`, which
 * COSELL_TRUST_PROXY is to set: `request.protocol` reads the header only then). The one place the session
 * cookie's Secure attribute (COSELL_SECURE_COOKIES=auto) and HSTS (COSELL_HSTS=auto) ask.
 */
export function cameOverHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}
