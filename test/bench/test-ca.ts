import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface TestCa {
  /** The CA certificate that clients trust (curl `--cacert`, aria2c `--ca-certificate`, `NODE_EXTRA_CA_CERTS`). */
  caCert: string
  /** The server certificate, signed by the CA, for 127.0.0.1 and localhost. */
  serverCert: string
  serverKey: string
}

/**
 * A throw-away certificate authority and a server certificate it signed, made with openssl in `dir`:
 * clients verify the chain as they would against a real host, nothing runs with verification off.
 */
export async function makeTestCa(dir: string): Promise<TestCa> {
  const caKey = join(dir, 'ca.key')
  const caCert = join(dir, 'ca.pem')
  const serverKey = join(dir, 'server.key')
  const serverCsr = join(dir, 'server.csr')
  const serverCert = join(dir, 'server.pem')
  const ext = join(dir, 'server.ext')
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  await run('openssl', [
    'req',
    '-x509',
    ...ec,
    '-keyout',
    caKey,
    '-out',
    caCert,
    '-days',
    '2',
    '-subj',
    '/CN=Fichier Desk bench CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ])
  await run('openssl', [
    'req',
    '-new',
    ...ec,
    '-keyout',
    serverKey,
    '-out',
    serverCsr,
    '-subj',
    '/CN=127.0.0.1',
  ])
  await writeFile(
    ext,
    'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n',
  )
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    serverCsr,
    '-CA',
    caCert,
    '-CAkey',
    caKey,
    '-CAcreateserial',
    '-out',
    serverCert,
    '-days',
    '2',
    '-extfile',
    ext,
  ])
  return { caCert, serverCert, serverKey }
}
