import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest();

/**
 * A software passkey (ES256, WebAuthn §6.1/§6.3): its COSE public key to store, and signed
 * assertions for a challenge, with a signature counter that grows at each one, user present and verified.
 */
export function softwarePasskey(rp: { id: string; origin: string }) {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const [x, y] = [Buffer.from(jwk.x!, "base64url"), Buffer.from(jwk.y!, "base64url")];
  // COSE_Key in CBOR (RFC 9053): {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}.
  const cose = Buffer.concat([Buffer.from([0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20]), x, Buffer.from([0x22, 0x58, 0x20]), y]);
  const credentialId = randomBytes(16).toString("base64url");
  let counter = 0;
  return {
    credentialId,
    publicKey: cose.toString("base64url"),
    /** The browser's answer to a registration (navigator.credentials.create()) over `challenge`, "none" attestation (WebAuthn §8.7). */
    register(challenge: string) {
      const cborHead = (major: number, length: number) => (length < 24 ? Buffer.from([(major << 5) | length]) : Buffer.from([(major << 5) | 24, length]));
      const text = (value: string) => Buffer.concat([cborHead(3, value.length), Buffer.from(value)]);
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(Buffer.from(credentialId, "base64url").length);
      // rpIdHash, flags (user present, verified, attested credential data), counter 0, AAGUID 0, the credential.
      const authenticatorData = Buffer.concat([sha256(rp.id), Buffer.from([0x45]), Buffer.alloc(4), Buffer.alloc(16), idLength, Buffer.from(credentialId, "base64url"), cose]);
      const dataHead = authenticatorData.length < 256 ? Buffer.from([0x58, authenticatorData.length]) : Buffer.from([0x59, authenticatorData.length >> 8, authenticatorData.length & 0xff]);
      const attestation = Buffer.concat([Buffer.from([0xa3]), text("fmt"), text("none"), text("attStmt"), Buffer.from([0xa0]), text("authData"), dataHead, authenticatorData]);
      const clientData = Buffer.from(JSON.stringify({ type: "webauthn.create", challenge, origin: rp.origin, crossOrigin: false }));
      return {
        id: credentialId,
        rawId: credentialId,
        type: "public-key",
        response: { clientDataJSON: clientData.toString("base64url"), attestationObject: attestation.toString("base64url"), transports: ["internal"] },
        clientExtensionResults: {},
      };
    },
    assert(challenge: string) {
      counter += 1;
      const clientData = Buffer.from(JSON.stringify({ type: "webauthn.get", challenge, origin: rp.origin, crossOrigin: false }));
      const count = Buffer.alloc(4);
      count.writeUInt32BE(counter);
      const authenticatorData = Buffer.concat([sha256(rp.id), Buffer.from([0x05]), count]);
      const signature = sign("sha256", Buffer.concat([authenticatorData, sha256(clientData)]), privateKey);
      return {
        id: credentialId,
        rawId: credentialId,
        type: "public-key",
        response: { clientDataJSON: clientData.toString("base64url"), authenticatorData: authenticatorData.toString("base64url"), signature: signature.toString("base64url") },
        clientExtensionResults: {},
      };
    },
  };
}
