#!/usr/bin/env node
// Retakes the screenshots README.md shows, from the real app in browser mode with the sample
// district loaded: `node electron/tools/readme-screenshots.mjs` (after `npm run build`).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.resolve(process.env.KLKCHC_DIST_DIR ?? path.join(root, 'dist'));
const out = path.join(root, 'resources', 'screenshots');
fs.mkdirSync(out, { recursive: true });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klkchc-shots-'));

const server = spawn(process.execPath, [path.join(dist, 'node', 'browser.cjs'), '--data-dir', dataDir, '--port', '0'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
});
let output = '';
const url = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`browser mode did not start: ${output}`)), 20_000);
  server.stdout.on('data', (chunk) => {
    output += chunk.toString();
    const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
    if (match) {
      clearTimeout(timer);
      resolve(match[0]);
    }
  });
});
const { origin, searchParams } = new URL(url);
const call = async (name, input) => {
  const response = await fetch(`${origin}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-klkchc-token': searchParams.get('token') },
    body: JSON.stringify(input),
  });
  const result = await response.json();
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  await page.goto(url);
  await page.getByLabel('Tên cơ quan').fill('Phòng Giáo dục và Đào tạo huyện Lộc Bình');
  await page.getByLabel('Cơ quan cấp trên').fill('UBND huyện Lộc Bình');
  await page.getByLabel('Địa danh ghi trên văn bản').fill('Lộc Bình');
  await page.getByLabel('Họ và tên người nhập liệu').fill('Hoàng Thị Mai');
  await page.screenshot({ path: path.join(out, 'setup.png') });
  await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
  await call('registry.loadSample', {});
  await page.reload();
  const grid = page.getByRole('grid', { name: 'Danh sách đơn vị' });
  await grid.getByRole('row').nth(5).waitFor();
  await page.getByLabel('Tìm đơn vị').fill('hiep ha');
  await grid.getByRole('row', { name: /UBND xã Hiệp Hạ/ }).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, 'registry-search.png') });
  await page.getByLabel('Tìm đơn vị').fill('');
  await grid.getByRole('row').nth(12).waitFor();
  await grid.getByRole('row', { name: /Trường Mầm non Đông Quan/ }).dblclick();
  await page.getByRole('dialog', { name: 'Sửa đơn vị' }).waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, 'registry-edit.png') });
  await page.keyboard.press('Escape');

  // The overview of every plan, with the sample plans of the story (28/81 schools, 21 agencies).
  await page.goto(`${url.split('?')[0]}#/dashboard`);
  await page.getByText('28/81 đơn vị, đạt 35% kế hoạch').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, 'dashboard.png') });

  // A draft inspection, at its criteria: the screen clerks type in all day.
  const { rows } = await call('inspections.list', { limit: 200 });
  const draft = rows.find((row) => row.status === 'draft') ?? rows[0];
  await page.goto(`${url.split('?')[0]}#/inspections/${draft.id}`);
  const results = page.getByRole('heading', { name: 'Nội dung kiểm tra' });
  await results.waitFor();
  await results.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, 'inspection-entry.png') });

  // The minutes' print preview, drawn from the real PDF.
  const finalised = rows.find((row) => row.status === 'finalised') ?? rows[0];
  await page.goto(`${url.split('?')[0]}#/inspections/${finalised.id}`);
  await page.getByRole('heading', { name: 'Nội dung kiểm tra' }).waitFor();
  await page.keyboard.press('Control+p');
  await page.getByRole('dialog').getByRole('img').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(out, 'minutes-preview.png') });
  console.log(`saved screenshots in ${path.relative(root, out)}/`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
