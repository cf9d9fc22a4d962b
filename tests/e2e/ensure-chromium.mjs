// Makes sure a Chromium for the browser tests exists. On a fresh Debian machine run as root it
// installs Debian's chromium (and Noto fonts); otherwise it stops with one line saying how.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log(`No Chromium at ${path}: installing Debian's chromium and fonts-noto-core (about a minute)…`);
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core', {
    stdio: 'inherit',
    shell: '/bin/bash',
  });
  if (existsSync(path)) process.exit(0);
}
console.error(
  `No Chromium at ${path}: install it (Debian/Ubuntu: sudo apt-get install chromium fonts-noto-core) or set CHROMIUM_PATH to a Chromium binary.`,
);
process.exit(1);
