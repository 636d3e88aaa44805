import { generate } from 'selfsigned';

/**
 * A PEM certificate and key for the API server, self-signed, valid for localhost and 127.0.0.1.
 * @see https://kubernetes.io/docs/setup/best-practices/certificates/
 */
export interface ServingCertificate {
  cert: string;
  key: string;
}

/**
 * Generates the serving certificate at start; it is its own CA, carried in the kubeconfig.
 * @see https://kubernetes.io/docs/setup/best-practices/certificates/
 */
export async function generateServingCertificate(host: string): Promise<ServingCertificate> {
  const altNames: { type: 2 | 7; value?: string; ip?: string }[] = [
    { type: 2, value: 'localhost' },
    { type: 7, ip: '127.0.0.1' },
  ];
  if (host !== '127.0.0.1' && host !== 'localhost')
    altNames.push(/^\d+\.\d+\.\d+\.\d+$/.test(host) ? { type: 7, ip: host } : { type: 2, value: host });
  const pems = await generate([{ name: 'commonName', value: 'opspilot-sim' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
