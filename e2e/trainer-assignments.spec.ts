import { expect, test, type Browser, type Page } from '@playwright/test';
import { listScenarios } from '../scenarios/index';
import { drillSeed, modelAnswerFor, submitStep } from './drill-support';
import { assignmentFormToken, enableLogin as enableOfficerLogin, logIn, runIndex, runTag } from './support';

// These tests add no officers (the published counts of 秦皇岛市 stay exact): they turn on logins of
// officers already on record, through the admin's password reset, and add one trainer in 唐山市.

const PASSWORD = 'Assign@2026';
const scenario = listScenarios({ skill: 'inspection' })[0]!;

const enableLogin = (browser: Browser, username: string) => enableOfficerLogin(browser, username, PASSWORD);

async function asUser(browser: Browser, username: string, password?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, username, password);
  return page;
}

test('a trainer assigns a scenario to 昌黎县; its officer completes it, a 卢龙县 officer does not see it; the follow-up shows completion and score', async ({
  browser,
}) => {
  // Five people log in (argon2 each) and a whole drill is played: generous under a full parallel run.
  test.setTimeout(120_000);
  const retry = runIndex();
  const changliOfficer = `zf130322${String(10 + retry).padStart(3, '0')}`;
  const lulongOfficer = `zf130324${String(10 + retry).padStart(3, '0')}`;
  await enableLogin(browser, changliOfficer);
  await enableLogin(browser, lulongOfficer);
  const title = `昌黎县检查练兵 ${Date.now()}`;

  // The trainer assigns through the form.
  const trainer = await asUser(browser, 'trainer');
  await trainer.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '练兵任务' }).click();
  await trainer.getByRole('link', { name: '布置练兵任务' }).click();
  await trainer.getByLabel('任务名称').fill(title);
  await trainer.getByLabel(scenario.title).check();
  await trainer.getByText('选择秦皇岛市下属单位').click();
  await trainer.getByLabel('昌黎县', { exact: true }).check();
  await trainer.getByLabel('方式').selectOption('assessment');
  await trainer.getByLabel('合格分数线').fill('85');
  await trainer.getByLabel('允许次数').fill('2');
  await trainer.getByRole('button', { name: '布置任务' }).click();
  await expect(trainer.getByText('练兵任务已布置。')).toBeVisible();
  const assignmentId = /\/assignments\/(\d+)/.exec(trainer.url())![1]!;
  await expect(trainer.getByTestId('total-covered')).toHaveText('46');
  await expect(trainer.getByTestId('total-completed')).toContainText('0 / 46');

  // The 昌黎县 officer sees it on the home page and completes it with the model answer.
  const officer = await asUser(browser, changliOfficer, PASSWORD);
  const row = officer.locator(`[data-assignment="${assignmentId}"]`);
  await expect(row).toContainText(title);
  await expect(row).toContainText('考核');
  await expect(row.getByTestId('attempts-used')).toHaveText('0 / 2');
  await expect(row).toContainText('未开始');
  await row.getByRole('button', { name: '开始' }).click();
  await expect(officer).toHaveURL(/\/drills\/\d+$/);
  const seed = await drillSeed(officer);
  for (const step of modelAnswerFor(scenario.id, seed)) await submitStep(officer, scenario.id, seed, step);
  await expect(officer.getByTestId('score-total')).toHaveText('100');
  await officer.goto('/officer');
  await expect(row.getByTestId('attempts-used')).toHaveText('1 / 2');
  await expect(row.getByTestId('best-score')).toHaveText('100');
  await expect(row).toContainText('已完成·合格');

  // A 卢龙县 officer does not see it, and cannot start it over HTTP either.
  const other = await asUser(browser, lulongOfficer, PASSWORD);
  await expect(other.getByRole('heading', { name: '我的练兵任务' })).toBeVisible();
  await expect(other.locator(`[data-assignment="${assignmentId}"]`)).toHaveCount(0);
  await expect(other.getByText(title)).toHaveCount(0);
  const refused = await other.request.post(`/assignments/${assignmentId}/start`, {
    form: { scenarioId: scenario.id },
    maxRedirects: 0,
  });
  expect(refused.status(), refused.headers()['location']).toBe(404);
  expect(await refused.text()).toContain('练兵任务不存在，或没有布置给您。');

  // The trainer's follow-up page shows the completion and the score.
  await trainer.reload();
  await expect(trainer.getByTestId('total-completed')).toContainText('1 / 46');
  await expect(trainer.getByTestId('total-passed')).toContainText('1 / 46');
  await expect(trainer.getByTestId('total-avg')).toHaveText('100');
  await expect(trainer.getByTestId('unit-progress').locator('[data-unit="130322"]')).toContainText('1 / 46');
  await trainer.getByLabel('状态').selectOption('passed');
  await trainer.getByRole('button', { name: '筛选' }).click();
  const done = trainer.getByTestId('officer-progress').locator(`[data-username="${changliOfficer}"]`);
  await expect(done).toContainText('100');
  await expect(done).toContainText('已完成·合格');
  await expect(trainer.getByTestId('officer-progress').locator('tbody tr')).toHaveCount(1);

  // A reminder reaches those not done (not the one who finished); the officer sees it at home.
  await trainer.getByLabel('提醒内容').fill(`请尽快完成 ${title}`);
  await trainer.getByRole('button', { name: /发送提醒/ }).click();
  await expect(trainer.getByRole('status')).toHaveText('已向 45 名尚未完成的执法人员发送提醒');
  const colleague = `zf130322${String(20 + retry).padStart(3, '0')}`;
  await enableLogin(browser, colleague);
  const third = await asUser(browser, colleague, PASSWORD);
  await expect(third.getByTestId('reminders')).toContainText(`请尽快完成 ${title}`);
  await officer.reload();
  await expect(officer.getByText(`请尽快完成 ${title}`)).toHaveCount(0);

  // Extending for one officer needs a reason, and the reason is kept in the history.
  await trainer.getByLabel('延期范围').selectOption('officer');
  await trainer.getByLabel('执法人员用户名（按人延期时）').fill(colleague);
  await trainer.getByRole('button', { name: '延期', exact: true }).click();
  await expect(trainer.getByText('请填写延期原因（至少 2 个字）')).toBeVisible();
  await trainer.getByLabel('延期原因').fill('外出执法任务');
  await trainer.getByRole('button', { name: '延期', exact: true }).click();
  await expect(trainer.getByRole('status')).toContainText('的截止时间已延至');
  await expect(trainer.getByTestId('assignment-history')).toContainText('外出执法任务');
});

test('over HTTP: a trainer cannot assign outside the subtree, and every invalid field is refused with its message and nothing stored', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const retry = runTag();
  // A trainer of 唐山市, created by the admin.
  const username = `ts.trainer.${retry}`;
  const admin = await asUser(browser, 'admin');
  await admin.goto('/admin/users/new');
  await admin.getByLabel('用户名').fill(username);
  await admin.getByLabel('姓名').fill('唐山培训员');
  await admin.getByLabel('初始密码').fill(PASSWORD);
  await admin.getByLabel('角色').selectOption('trainer');
  await admin.getByLabel('所属单位').selectOption({ label: '\u3000唐山市' });
  await admin.getByRole('button', { name: '创建用户' }).click();
  await expect(admin.getByText('用户已创建。')).toBeVisible();

  await logIn(page, username, PASSWORD);
  const valid = {
    scenarioIds: scenario.id,
    unitCodes: '130203',
    mode: 'assessment',
    passMark: '80',
    opensAt: '2026-01-05T09:00',
    dueAt: '2099-01-12T18:00',
    attemptsAllowed: '2',
  };
  // Refused forms create nothing, so one token serves them all; each assignment created takes a fresh one.
  const formToken = await assignmentFormToken(page);
  const post = async (fields: Record<string, string>, title: string) => {
    const response = await page.request.post('/assignments/new', {
      form: { formToken, ...fields, title },
      maxRedirects: 0,
    });
    return { status: response.status(), text: await response.text(), location: response.headers()['location'] };
  };
  const listed = async (title: string) => (await (await page.request.get('/assignments')).text()).includes(title);

  const cases: [string, Record<string, string>, string][] = [
    ['outside: a 秦皇岛市 unit', { ...valid, unitCodes: '130322' }, '单位不存在或不在您的管辖范围内：130322'],
    ['outside: the province', { ...valid, unitCodes: '130000' }, '单位不存在或不在您的管辖范围内：130000'],
    [
      'outside: an officer of 昌黎县',
      { ...valid, unitCodes: '', officerUsernames: 'changli.officer' },
      '以下用户不是您管辖范围内的在岗执法人员：changli.officer',
    ],
    ['no target', { ...valid, unitCodes: '' }, '请至少选择一个单位或指定执法人员'],
    ['no scenario', { ...valid, scenarioIds: '' }, '请至少选择一个练兵场景'],
    ['unknown scenario', { ...valid, scenarioIds: 'no-such-scenario' }, '练兵场景不存在：no-such-scenario'],
    ['pass mark above 100', { ...valid, passMark: '101' }, '合格分数线须为 0–100 的整数'],
    ['pass mark below 0', { ...valid, passMark: '-5' }, '合格分数线须为 0–100 的整数'],
    ['pass mark not a number', { ...valid, passMark: '八十' }, '合格分数线须为 0–100 的整数'],
    [
      'due before opens',
      { ...valid, opensAt: '2099-01-12T18:00', dueAt: '2099-01-05T09:00' },
      '截止时间须晚于开始时间',
    ],
    ['due in the past', { ...valid, opensAt: '2020-01-01T09:00', dueAt: '2020-01-02T09:00' }, '截止时间须晚于当前时间'],
    ['no due date', { ...valid, dueAt: '' }, '请填写截止时间'],
    ['bad opens date', { ...valid, opensAt: 'tomorrow' }, '开始时间格式不正确（应为 年-月-日 时:分）'],
    ['attempts 0', { ...valid, attemptsAllowed: '0' }, '允许次数须为 1–20 的整数'],
    ['attempts 21', { ...valid, attemptsAllowed: '21' }, '允许次数须为 1–20 的整数'],
    ['bad mode', { ...valid, mode: 'exam' }, '请选择练习或考核'],
    ['competition in practice', { ...valid, mode: 'practice', competition: 'on' }, '比武须为考核模式'],
    ['note too long', { ...valid, note: '长'.repeat(501) }, '说明不能超过 500 个字符'],
  ];
  for (const [name, fields, message] of cases) {
    const title = `拒绝-${retry}-${name}`;
    const result = await post(fields, title);
    expect(result.status, name).toBe(400);
    expect(result.text, name).toContain(message);
    expect(await listed(title), name).toBe(false);
  }
  const long = await post(valid, 'x'.repeat(61));
  expect(long.status).toBe(400);
  expect(long.text).toContain('任务名称不能超过 60 个字符');

  // Without a token (a form from an older page, or made by hand) nothing is stored.
  const tokenless = await page.request.post('/assignments/new', {
    form: { ...valid, title: `无令牌-${retry}` },
    maxRedirects: 0,
  });
  expect(tokenless.status()).toBe(400);
  expect(await tokenless.text()).toContain('页面已过期，请刷新页面后重新提交');
  expect(await listed(`无令牌-${retry}`)).toBe(false);

  // The same form, valid and inside the subtree, is stored.
  const title = `唐山任务-${retry}`;
  const ok = await post(valid, title);
  expect(ok.status).toBe(302);
  expect(ok.location).toMatch(/^\/assignments\/\d+\?created=1$/);
  expect(await listed(title)).toBe(true);

  // An assignment of the province trainer (to 昌黎县) is outside the 唐山市 trainer's subtree:
  // its follow-up page is 404 and its actions are refused.
  const trainer = await asUser(browser, 'trainer');
  const provincial = await trainer.request.post('/assignments/new', {
    form: { ...valid, formToken: await assignmentFormToken(trainer), unitCodes: '130322', title: `省级任务-${retry}` },
    maxRedirects: 0,
  });
  expect(provincial.status()).toBe(302);
  const provincialUrl = provincial.headers()['location']!.replace(/\?.*$/, '');
  expect((await page.request.get(provincialUrl)).status()).toBe(404);
  const close = await page.request.post(provincialUrl, { form: { intent: 'close' }, maxRedirects: 0 });
  expect(close.status()).toBe(400);
  expect(await close.text()).toContain('练兵任务不存在或不在您的管辖范围内');
  expect(await (await trainer.request.get(provincialUrl)).text()).not.toContain('已关闭');

  const officer = await asUser(browser, 'changli.officer');
  const forbidden = await officer.request.post('/assignments/new', {
    form: { ...valid, unitCodes: '130322', title: 'x' },
    maxRedirects: 0,
  });
  expect(forbidden.status()).toBe(403);
});

test('a double-submitted 布置任务 form creates one assignment; a second 提醒 the same day is refused with the reason and writes nothing', async ({
  page,
}) => {
  const retry = runTag();
  await logIn(page, 'trainer');
  const title = `重复提交-${retry}-${Date.now()}`;
  const form = {
    formToken: await assignmentFormToken(page),
    title,
    scenarioIds: scenario.id,
    unitCodes: '130204',
    mode: 'practice',
    passMark: '80',
    opensAt: '2026-01-05T09:00',
    dueAt: '2099-01-12T18:00',
    attemptsAllowed: '2',
  };
  // Two POSTs of the same form body at once (a double click without JavaScript), then a third later (a replay).
  const post = () => page.request.post('/assignments/new', { form, maxRedirects: 0 });
  const responses = [...(await Promise.all([post(), post()])), await post()];
  expect(responses.map((r) => r.status())).toEqual([302, 302, 302]);
  const locations = new Set(responses.map((r) => r.headers()['location']));
  expect(locations.size).toBe(1);
  await page.goto('/assignments');
  await expect(page.getByRole('link', { name: title, exact: true })).toHaveCount(1);

  await page.goto([...locations][0]!);
  await expect(page.getByText('练兵任务已布置。')).toBeVisible();
  const covered = (await page.getByTestId('total-covered').textContent())!.trim();
  await page.getByRole('button', { name: /发送提醒/ }).click();
  await expect(page.getByRole('status')).toHaveText(`已向 ${covered} 名尚未完成的执法人员发送提醒`);
  // The page's data is reloaded after the action; a second click before that ends would cancel the
  // reload (and a refused action reloads nothing), leaving the history as it was before the first.
  await expect(page.getByTestId('assignment-history').getByText(/发送提醒/)).toHaveCount(1);
  await page.getByRole('button', { name: /发送提醒/ }).click();
  await expect(page.getByRole('alert')).toContainText(
    `已经提醒过全部 ${covered} 名尚未完成的执法人员，每人每天只提醒一次，请明天再发送。`,
  );
  await expect(page.getByRole('status')).toHaveCount(0);
  await expect(page.getByTestId('assignment-history').getByText(/发送提醒/)).toHaveCount(1);

  // Two extensions sent from the same page: the first applies, the second (built on the old version) gets 409.
  const version = (await page.locator('input[name="version"]').getAttribute('value'))!;
  const extend = (dueAt: string) =>
    page.request.post(page.url(), {
      form: { intent: 'extend', scope: 'all', dueAt, reason: '同页两次延期', version },
      maxRedirects: 0,
    });
  expect((await extend('2099-02-01T18:00')).status()).toBe(200);
  const stale = await extend('2099-03-01T18:00');
  expect(stale.status()).toBe(409);
  expect(await stale.text()).toContain('延期未保存。请刷新页面，核对后重新提交。');
  await page.reload();
  await expect(page.getByTestId('assignment-due')).toContainText('2099/2/1');
  await expect(page.getByTestId('assignment-history')).toContainText('由 2099/1/12 18:00 延至 2099/2/1 18:00');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the trainer picks officers by name or unit from a search; what was typed and ticked survives each search; the assignment reaches them', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await logIn(page, 'trainer');
    await page.goto('/assignments/new');
    const title = `按姓名指定-${runTag()}-${Date.now()}`;
    await page.getByLabel('任务名称').fill(title);
    await page.getByLabel(scenario.title).check();
    await page.getByLabel('自动提醒（截止前天数）').fill('5');
    const token = await page.locator('input[name="formToken"]').getAttribute('value');

    // Search by unit name: 昌黎县's officers as checkboxes, with the unit named.
    await page.getByLabel('姓名、用户名或单位').fill('昌黎');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page).toHaveURL(/[?&]q=%E6%98%8C%E9%BB%8E/);
    const results = page.getByTestId('officer-search-results');
    await expect(results).toContainText('名称相符的单位：昌黎县');
    await expect(results.getByRole('checkbox')).toHaveCount(46);
    await expect(page.getByLabel('任务名称')).toHaveValue(title);
    await expect(page.getByLabel(scenario.title)).toBeChecked();
    await expect(page.getByLabel('自动提醒（截止前天数）')).toHaveValue('5');
    // The same form: the token is kept while unused.
    await expect(page.locator('input[name="formToken"]')).toHaveAttribute('value', token!);
    const first = results.getByRole('checkbox').first();
    const firstName = (await first.getAttribute('value'))!;
    await first.check();

    // A second search (by username) keeps the first pick.
    await page.getByLabel('姓名、用户名或单位').fill('zf130324001');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page.getByTestId('officer-picked').getByRole('checkbox')).toHaveCount(1);
    await expect(page.getByTestId('officer-picked').getByRole('checkbox')).toBeChecked();
    await expect(page.getByTestId('officer-picked').getByRole('checkbox')).toHaveAttribute('value', firstName);
    await page.getByTestId('officer-search-results').getByRole('checkbox').check();

    // A search matching many: 50 and a hint.
    await page.getByLabel('姓名、用户名或单位').fill('县');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page.getByTestId('officer-search-more')).toContainText('只显示前 50 名');
    await expect(page.getByTestId('officer-picked').getByRole('checkbox')).toHaveCount(2);

    await page.getByRole('button', { name: '布置任务' }).click();
    await expect(page.getByText('练兵任务已布置。')).toBeVisible();
    await expect(page.getByTestId('total-covered')).toHaveText('2');
    await expect(page.getByTestId('remind-days-before')).toHaveText('截止前 5 天');
    const officers = page.getByTestId('officer-progress');
    await expect(officers.locator(`[data-username="${firstName}"]`)).toHaveCount(1);
    await expect(officers.locator('[data-username="zf130324001"]')).toHaveCount(1);
  });
});
