import { dockerApkNoCache } from './docker/dockerApkNoCache.js';
import { dockerApkPinVersions } from './docker/dockerApkPinVersions.js';
import { dockerAptGetYes } from './docker/dockerAptGetYes.js';
import { dockerAptListsCleanup } from './docker/dockerAptListsCleanup.js';
import { dockerAptNoInstallRecommends } from './docker/dockerAptNoInstallRecommends.js';
import { dockerAptNotApt } from './docker/dockerAptNotApt.js';
import { dockerAptPinVersions } from './docker/dockerAptPinVersions.js';
import { dockerChmod777 } from './docker/dockerChmod777.js';
import { dockerCopyDestSlash } from './docker/dockerCopyDestSlash.js';
import { dockerCopyFromStage } from './docker/dockerCopyFromStage.js';
import { dockerCopyNotAdd } from './docker/dockerCopyNotAdd.js';
import { dockerCurlPipeShell } from './docker/dockerCurlPipeShell.js';
import { dockerExposeValidPort } from './docker/dockerExposeValidPort.js';
import { dockerFromDigest } from './docker/dockerFromDigest.js';
import { dockerFromPinnedTag } from './docker/dockerFromPinnedTag.js';
import { dockerHealthcheck } from './docker/dockerHealthcheck.js';
import {
  dockerConsecutiveRun,
  dockerCopyFromSelf,
  dockerCopyRelativeDest,
  dockerEnvSelfReference,
  dockerFromFirst,
  dockerFromPlatform,
  dockerLabelKey,
  dockerOnbuildForbidden,
  dockerOneHealthcheck,
} from './docker/dockerInstructionRules.js';
import { dockerJsonCmd } from './docker/dockerJsonCmd.js';
import { dockerMaintainerDeprecated } from './docker/dockerMaintainerDeprecated.js';
import { dockerMinimalBaseImage } from './docker/dockerMinimalBaseImage.js';
import { dockerMultiStage } from './docker/dockerMultiStage.js';
import { dockerNoCd } from './docker/dockerNoCd.js';
import { dockerNoSudo } from './docker/dockerNoSudo.js';
import { dockerNpmPinVersions } from './docker/dockerNpmPinVersions.js';
import { dockerOneCmd } from './docker/dockerOneCmd.js';
import { dockerOneEntrypoint } from './docker/dockerOneEntrypoint.js';
import {
  dockerCacheClean,
  dockerInstallNonInteractive,
  dockerNoDistUpgrade,
  dockerOtherPinVersions,
} from './docker/dockerPackageManagers.js';
import { dockerPipNoCacheDir } from './docker/dockerPipNoCacheDir.js';
import { dockerPipPinVersions } from './docker/dockerPipPinVersions.js';
import {
  dockerRunInteractiveCommand,
  dockerShellInsteadOfLink,
  dockerUseraddLongUid,
  dockerWgetAndCurl,
  dockerWgetProgress,
} from './docker/dockerRunCommandRules.js';
import { dockerSecretsInEnv } from './docker/dockerSecretsInEnv.js';
import { dockerShellcheck } from './docker/dockerShellcheck.js';
import { dockerShellPipefail } from './docker/dockerShellPipefail.js';
import { dockerStageNameUnique } from './docker/dockerStageNameUnique.js';
import { dockerSyntax } from './docker/dockerSyntax.js';
import { dockerUserNotRoot } from './docker/dockerUserNotRoot.js';
import { dockerUserSet } from './docker/dockerUserSet.js';
import { dockerWorkdirAbsolute } from './docker/dockerWorkdirAbsolute.js';
import { dockerYumClean } from './docker/dockerYumClean.js';
import type { DockerRule } from './dockerRule.js';
/** Every built-in Dockerfile rule. */
export const DOCKER_RULES: readonly DockerRule[] = [
  dockerApkNoCache,
  dockerApkPinVersions,
  dockerAptGetYes,
  dockerAptListsCleanup,
  dockerAptNoInstallRecommends,
  dockerAptNotApt,
  dockerAptPinVersions,
  dockerChmod777,
  dockerCopyDestSlash,
  dockerCopyFromStage,
  dockerCopyNotAdd,
  dockerCurlPipeShell,
  dockerExposeValidPort,
  dockerFromDigest,
  dockerFromPinnedTag,
  dockerHealthcheck,
  dockerJsonCmd,
  dockerMaintainerDeprecated,
  dockerMinimalBaseImage,
  dockerMultiStage,
  dockerNoCd,
  dockerNoSudo,
  dockerNpmPinVersions,
  dockerOneCmd,
  dockerOneEntrypoint,
  dockerPipNoCacheDir,
  dockerPipPinVersions,
  dockerSecretsInEnv,
  dockerShellPipefail,
  dockerStageNameUnique,
  dockerSyntax,
  dockerUserNotRoot,
  dockerUserSet,
  dockerWorkdirAbsolute,
  dockerYumClean,
  dockerShellcheck,
  dockerCacheClean,
  dockerInstallNonInteractive,
  dockerNoDistUpgrade,
  dockerOtherPinVersions,
  dockerConsecutiveRun,
  dockerCopyFromSelf,
  dockerCopyRelativeDest,
  dockerEnvSelfReference,
  dockerFromFirst,
  dockerFromPlatform,
  dockerLabelKey,
  dockerOnbuildForbidden,
  dockerOneHealthcheck,
  dockerRunInteractiveCommand,
  dockerShellInsteadOfLink,
  dockerUseraddLongUid,
  dockerWgetAndCurl,
  dockerWgetProgress,
];
