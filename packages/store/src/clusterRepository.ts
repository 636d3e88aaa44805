import {
  Cluster,
  ClusterCredentials,
  InputError,
  NewCluster,
  NotFoundError,
  type PublicClusterCredentials,
  toPublicCredentials,
} from '@opspilot/core';
import { z } from 'zod';
import type { Db } from './database.js';
import type { Dialect } from './dialect.js';
import { parseInput } from './parseInput.js';
import { createRepository, type Repository } from './repository.js';
import { rowCodec } from './rowMapping.js';
import type { SecretBox } from './secretBox.js';
import { toStoreError } from './storeErrors.js';

/** Credentials as a caller hands them over: the kubeconfig in clear text, sealed before it is stored. */
export const CredentialsInput = z.object({
  auth_type: ClusterCredentials.shape.auth_type,
  kubeconfig: z.string().min(1).optional(),
  service_account_token_secret_ref: z.string().optional(),
  prometheus_token_secret_ref: z.string().optional(),
  expires_at: ClusterCredentials.shape.expires_at,
});
export type CredentialsInput = z.input<typeof CredentialsInput>;

/** The cluster registry (seed 003 §2): clusters, and their credentials (§2.5) encrypted at rest. */
export interface ClusterRepository extends Repository<Cluster, NewCluster> {
  /** Finds a cluster by its unique name. */
  findByName(name: string): Promise<Cluster | undefined>;
  /** Stores (or replaces, in one transaction) a cluster's credentials, sealing the kubeconfig with AES-256-GCM. */
  setCredentials(clusterId: string, input: CredentialsInput): Promise<PublicClusterCredentials>;
  /** The credentials without any secret, safe to return through the API. */
  getPublicCredentials(clusterId: string): Promise<PublicClusterCredentials>;
  /** The decrypted kubeconfig, for the code that connects to the cluster only. */
  getKubeconfig(clusterId: string): Promise<string>;
  /** Forgets a cluster's credentials (the cluster stays registered); NotFoundError when it has none. */
  deleteCredentials(clusterId: string): Promise<void>;
}

/** Builds the cluster registry; `secretBox` is needed only to store or read kubeconfigs. */
export function createClusterRepository(
  db: Db,
  dialect: Dialect,
  secretBox: SecretBox | undefined,
  inTransaction: <R>(fn: (tx: Db) => Promise<R>) => Promise<R>,
): ClusterRepository {
  const clustersOn = (handle: Db) =>
    createRepository(handle, dialect, {
      table: 'clusters',
      noun: 'cluster',
      schema: Cluster,
      newSchema: NewCluster.transform((c) => ({ ...c, status: { state: 'UNKNOWN' as const } })),
      stamps: ['created_at', 'updated_at'],
    });
  const base = clustersOn(db);
  const credentialsCodec = rowCodec(ClusterCredentials, dialect);
  const box = () => {
    if (!secretBox) {
      throw new InputError('no encryption key is configured, so cluster kubeconfigs cannot be stored or read', {
        hint: 'set secrets.encryption_key (OPSPILOT_SECRETS_ENCRYPTION_KEY) to 32 random bytes in base64',
      });
    }
    return secretBox;
  };
  const noCredentials = (clusterId: string) =>
    new NotFoundError(`cluster ${clusterId} has no credentials`, { hint: 'store them with setCredentials first' });
  const readCredentials = async (clusterId: string): Promise<ClusterCredentials> => {
    const row = await db
      .selectFrom('cluster_credentials')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .executeTakeFirst()
      .catch((error: unknown) => {
        throw toStoreError(error, dialect, `credentials of cluster ${clusterId}`);
      });
    if (!row) throw noCredentials(clusterId);
    return ClusterCredentials.parse(credentialsCodec.fromRow(row));
  };

  return {
    ...base,
    async findByName(name) {
      const page = await base.list({ name }, { page_size: 1 });
      return page.items[0];
    },
    async setCredentials(clusterId, input) {
      const parsed = parseInput(CredentialsInput, input, 'cluster credentials');
      const credentials = ClusterCredentials.parse({
        cluster_id: clusterId,
        auth_type: parsed.auth_type,
        kubeconfig_encrypted: parsed.kubeconfig === undefined ? undefined : box().seal(parsed.kubeconfig),
        service_account_token_secret_ref: parsed.service_account_token_secret_ref,
        prometheus_token_secret_ref: parsed.prometheus_token_secret_ref,
        created_at: new Date().toISOString(),
        expires_at: parsed.expires_at,
      });
      await inTransaction(async (tx) => {
        await clustersOn(tx).get(clusterId);
        try {
          await tx.deleteFrom('cluster_credentials').where('cluster_id', '=', clusterId).execute();
          await tx.insertInto('cluster_credentials').values(credentialsCodec.toRow(credentials)).execute();
        } catch (error) {
          throw toStoreError(error, dialect, `credentials of cluster ${clusterId}`);
        }
      });
      return toPublicCredentials(credentials);
    },
    async getPublicCredentials(clusterId) {
      return toPublicCredentials(await readCredentials(clusterId));
    },
    async getKubeconfig(clusterId) {
      const credentials = await readCredentials(clusterId);
      if (!credentials.kubeconfig_encrypted) {
        throw new NotFoundError(`cluster ${clusterId} has no stored kubeconfig`, {
          hint: `its credentials are of type ${credentials.auth_type}; store a kubeconfig with setCredentials`,
        });
      }
      return box().open(credentials.kubeconfig_encrypted);
    },
    async deleteCredentials(clusterId) {
      const result = await db
        .deleteFrom('cluster_credentials')
        .where('cluster_id', '=', clusterId)
        .executeTakeFirst()
        .catch((error: unknown) => {
          throw toStoreError(error, dialect, `credentials of cluster ${clusterId}`);
        });
      if (Number(result.numDeletedRows) === 0) throw noCredentials(clusterId);
    },
  };
}
