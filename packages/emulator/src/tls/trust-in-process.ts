import { getCACertificates, setDefaultCACertificates } from "node:tls";

/**
 * Makes this process trust a CA from now on, as NODE_EXTRA_CA_CERTS would have at start-up (Node reads that variable
 * only once). For scripts that start an emulator in-process and then call it with the SDKs: benchmarks, the demo.
 */
export function trustCertificateAuthority(caPem: string): void {
  const current = getCACertificates("default");
  if (!current.includes(caPem)) setDefaultCACertificates([...current, caPem]);
}
