import type { ProjectFile } from '../projectFiles.js';

/** Small projects of each supported stack, as in-memory files, for detection and generation tests. */
export const STACK_PROJECTS: Record<string, ProjectFile[]> = {
  express: [
    {
      path: 'package.json',
      content: JSON.stringify({
        name: '@acme/orders-api',
        version: '2.3.0',
        main: 'src/server.js',
        scripts: { start: 'node src/server.js' },
        dependencies: { express: '^4.19.2' },
        engines: { node: '>=22' },
      }),
    },
    { path: 'package-lock.json', content: '{}' },
    {
      path: 'src/server.js',
      content: `const express = require('express');
const app = express();
app.get('/healthz', (req, res) => res.send('ok'));
const port = process.env.PORT || 4000;
const db = process.env.DATABASE_URL;
app.listen(port);
`,
    },
  ],
  flask: [
    { path: 'requirements.txt', content: 'Flask==3.0.3\ngunicorn==22.0.0\n' },
    {
      path: 'app.py',
      content: `import os
from flask import Flask
app = Flask(__name__)
SECRET_KEY = os.environ["SECRET_KEY"]

@app.route("/healthz")
def health():
    return "ok"
`,
    },
  ],
  django: [
    { path: 'requirements.txt', content: 'Django==5.0.6\npsycopg[binary]==3.1.19\n' },
    { path: 'manage.py', content: 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")\n' },
    { path: 'shop/settings.py', content: 'import os\nWSGI_APPLICATION = "shop.wsgi.application"\nDEBUG = os.getenv("DEBUG") == "1"\n' },
    { path: 'shop/wsgi.py', content: 'from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n' },
  ],
  go: [
    { path: 'go.mod', content: 'module github.com/acme/inventory\n\ngo 1.22\n' },
    {
      path: 'cmd/inventory/main.go',
      content: `package main

import (
	"net/http"
	"os"
)

func main() {
	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	_ = os.Getenv("REDIS_URL")
	http.ListenAndServe(":9090", nil)
}
`,
    },
  ],
  maven: [
    {
      path: 'pom.xml',
      content: `<project>
  <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.3.0</version></parent>
  <artifactId>billing</artifactId>
  <version>1.2.0-SNAPSHOT</version>
  <properties><java.version>17</java.version></properties>
  <dependencies>
    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>
    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-actuator</artifactId></dependency>
  </dependencies>
  <build><plugins><plugin><groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>
</project>
`,
    },
    { path: 'src/main/resources/application.properties', content: 'server.port=8081\n' },
    { path: 'src/main/java/com/acme/Billing.java', content: 'class Billing { String k = System.getenv("STRIPE_API_KEY"); }\n' },
  ],
  gradle: [
    {
      path: 'build.gradle.kts',
      content: `plugins { id("org.springframework.boot") version "3.3.0" }
version = "0.4.0"
java { toolchain { languageVersion = JavaLanguageVersion.of(21) } }
`,
    },
    { path: 'settings.gradle', content: 'rootProject.name = "catalog"\n' },
  ],
  static: [
    { path: 'index.html', content: '<!doctype html><title>Docs</title>' },
    { path: 'css/site.css', content: 'body{}' },
  ],
};
