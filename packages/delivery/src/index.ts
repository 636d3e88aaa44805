/** @opspilot/delivery — CI pipelines, chart releases and release notes. */
