import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
} from "node:crypto";
import { bitString, bool, explicit, integer, octetString, oid, sequence, set, time, tlv, utf8 } from "./der.ts";

const ECDSA_SHA256 = sequence(oid("1.2.840.10045.4.3.2"));

export interface CertificateAuthority {
  certPem: string;
  keyPem: string;
}

export interface ServerCertificate {
  certPem: string;
  keyPem: string;
}

function name(commonName: string): Buffer {
  return sequence(set(sequence(oid("2.5.4.3"), utf8(commonName))));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? sequence(oid(id), bool(true), octetString(value)) : sequence(oid(id), octetString(value));
}

function keyId(publicKey: KeyObject): Buffer {
  return createHash("sha1")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest();
}

function toPem(der: Buffer): string {
  const b64 =
    der
      .toString("base64")
      .match(/.{1,64}/g)
      ?.join("\n") ?? "";
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

interface CertificateSpec {
  subject: string;
  issuer: string;
  publicKey: KeyObject;
  signingKey: KeyObject;
  issuerKeyId: Buffer;
  extensions: Buffer[];
  days: number;
}

function certificate(spec: CertificateSpec): string {
  const serial = randomBytes(16);
  serial[0] = (serial[0] as number) & 0x7f;
  const notBefore = new Date(Date.now() - 60 * 60 * 1000);
  const notAfter = new Date(Date.now() + spec.days * 24 * 60 * 60 * 1000);
  const tbs = sequence(
    explicit(0, integer(2)),
    integer(serial),
    ECDSA_SHA256,
    name(spec.issuer),
    sequence(time(notBefore), time(notAfter)),
    name(spec.subject),
    spec.publicKey.export({ type: "spki", format: "der" }),
    explicit(
      3,
      sequence(
        ...spec.extensions,
        extension("2.5.29.14", false, octetString(keyId(spec.publicKey))),
        extension("2.5.29.35", false, sequence(tlv(0x80, spec.issuerKeyId))),
      ),
    ),
  );
  const signature = sign("sha256", tbs, spec.signingKey);
  return toPem(sequence(tbs, ECDSA_SHA256, bitString(signature)));
}

/** A P-256 CA (about 8 ms): basicConstraints CA, keyCertSign, with key identifiers (strict OpenSSL 3 / Python need them). */
export function createCertificateAuthority(): CertificateAuthority {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const certPem = certificate({
    subject: "Infra Azure Emulator Local CA",
    issuer: "Infra Azure Emulator Local CA",
    publicKey,
    signingKey: privateKey,
    issuerKeyId: keyId(publicKey),
    days: 3650,
    extensions: [
      extension("2.5.29.19", true, sequence(bool(true))),
      extension("2.5.29.15", true, bitString(Buffer.from([0x06]), 1)),
    ],
  });
  return { certPem, keyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
}

/** A server certificate for localhost and 127.0.0.1 signed by `ca`. */
export function issueServerCertificate(ca: CertificateAuthority): ServerCertificate {
  const caKey = createPrivateKey(ca.keyPem);
  const caPublic = createPublicKey(caKey);
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const san = sequence(tlv(0x82, Buffer.from("localhost")), tlv(0x87, Buffer.from([127, 0, 0, 1])));
  const certPem = certificate({
    subject: "localhost",
    issuer: "Infra Azure Emulator Local CA",
    publicKey,
    signingKey: caKey,
    issuerKeyId: keyId(caPublic),
    days: 397,
    extensions: [
      extension("2.5.29.19", true, sequence()),
      extension("2.5.29.15", true, bitString(Buffer.from([0x80]), 7)),
      extension("2.5.29.37", false, sequence(oid("1.3.6.1.5.5.7.3.1"))),
      extension("2.5.29.17", false, san),
    ],
  });
  return { certPem, keyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
}
