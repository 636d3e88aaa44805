import type { KubeObject } from '../store/kubeObject.js';
import type { ImageProfile } from './imageCatalog.js';

type Json = Record<string, unknown>;

const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>
</body>
</html>
`;

const DEBIAN_OS = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
`;

const ALPINE_OS = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.20.3
PRETTY_NAME="Alpine Linux v3.20"
HOME_URL="https://alpinelinux.org/"
`;

/** The directories every image has (the root file system's skeleton). */
export const IMAGE_DIRS = [
  '/',
  '/bin',
  '/etc',
  '/home',
  '/root',
  '/tmp',
  '/usr',
  '/usr/bin',
  '/var',
  '/var/run',
  '/proc',
];

/** The page a process of this image answers on `/`, when it serves one (what `wget -qO- http://pod/` prints). */
export function servedPage(profile: ImageProfile): string | undefined {
  if (profile.binaries.includes('nginx')) return NGINX_INDEX;
  if (profile.binaries.includes('httpd')) return '<html><body><h1>It works!</h1></body></html>\n';
  return undefined;
}

/**
 * The well-known files of a container's image and those the kubelet and runtime write into it: `/etc/hostname`,
 * `/etc/hosts` (kubelet-managed), `/etc/resolv.conf` (cluster DNS with the pod's search path), `/etc/os-release`
 * (Debian or Alpine, by the image's base), and the image's own content (nginx's
 * `/usr/share/nginx/html/index.html`, httpd's `/usr/local/apache2/htdocs/index.html`).
 */
export function imageFiles(pod: KubeObject, profile: ImageProfile): Record<string, string> {
  const spec = (pod.spec ?? {}) as Json;
  const status = (pod.status ?? {}) as Json;
  const namespace = pod.metadata.namespace ?? 'default';
  const hostname = String(spec.hostname ?? pod.metadata.name ?? '');
  const ip = String(status.podIP ?? '');
  const alpine = profile.binaries.includes('busybox');
  const files: Record<string, string> = {
    '/etc/hostname': `${hostname}\n`,
    '/etc/hosts': `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${ip ? `${ip}\t${hostname}\n` : ''}`,
    '/etc/resolv.conf': `search ${namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
    '/etc/os-release': alpine ? ALPINE_OS : DEBIAN_OS,
    '/dev/null': '',
  };
  if (profile.binaries.includes('nginx')) {
    files['/usr/share/nginx/html/index.html'] = NGINX_INDEX;
    files['/usr/share/nginx/html/50x.html'] =
      '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n</html>\n';
    files['/etc/nginx/nginx.conf'] = 'user  nginx;\nworker_processes  auto;\n';
  }
  if (profile.binaries.includes('httpd'))
    files['/usr/local/apache2/htdocs/index.html'] = '<html><body><h1>It works!</h1></body></html>\n';
  for (const b of profile.binaries)
    if (!b.includes('/')) files[`${alpine && b !== 'busybox' ? '/bin' : '/usr/bin'}/${b}`] = '';
  return files;
}
