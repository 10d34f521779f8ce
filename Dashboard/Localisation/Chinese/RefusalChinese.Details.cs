namespace Growth.Dashboard.Localisation.Chinese;

/// <summary>
/// The details the API and the services write (Application/*, Api/*, Security/*, Localisation/*) and the domain's
/// validators the pages pass on (periods, record and deal queries, lost deals), in Simplified Chinese.
/// <c>DomainTextLocalisationTests</c> reads every detail written in <c>Dashboard/</c> from the source and fails on one
/// without a pattern here. A value put back that is itself a known sentence (what was kept after a failed restore, "no
/// attempt") is said in Chinese too; identifiers, names and English text from elsewhere stay as they are.
/// </summary>
public static partial class RefusalChinese
{
    /// <summary>Sentences a detail puts inside another (its holes' values), in Chinese.</summary>
    static readonly PatternCatalogue Fragments = new(
    [
        ("nothing was kept", "未保留任何内容"),
        ("the workspace was not created, but forgetting what was written failed too ({0}): restore this backup into the same name again once the storage answers, which replaces what is left",
            "工作区未创建，但清除已写入的内容也失败了（{0}）：存储恢复后请把这个备份再次恢复到同一名称，这会替换剩下的内容"),
        ("no attempt", "尚未尝试"),
        ("the upload", "上传内容"),
        ("the body is empty: send the backup file (application/zip) as the body", "请求内容为空：请把备份文件（application/zip）作为请求内容发送"),
        ("journey {0} is not a lost deal (it is {1})", "客户旅程 {0} 不是丢单（当前为 {1}）"),
        ("journey {0} was lost before it became an opportunity: there is no conversation to practise", "客户旅程 {0} 在成为商机之前就已丢失：没有可练习的对话"),
        ("origin '{0}' was imported into this workspace as campaign '{1}' ({2}; lead {3}), and this import maps it to campaign '{4}' ({5})",
            "来源 '{0}' 已作为活动 '{1}'（{2}；线索 {3}）导入此工作区，而本次导入把它映射到活动 '{4}'（{5}）"),
    ]);

    static string Fragment(string value) => Fragments.Translate(value) ?? value;

    static readonly PatternCatalogue ApiDetails = new(
    [
        // Api/
        ("query parameter from='{0}' must name the workspace to calibrate on", "查询参数 from='{0}' 必须指明要用于校准的工作区"),
        ("If-Match must name a setup version as an ETag such as \"3\" (was {0})", "If-Match 必须以 ETag 的形式指明设置版本，例如 \"3\"（当前为 {0}）"),
        ("difficulty: '{0}' is not one of {1}", "difficulty：'{0}' 不是 {1} 之一"),
        ("id: workspace {0} has no scenario '{1}' in language '{2}' at version {3}", "id：工作区 {0} 没有语言为 '{2}'、版本为 {3} 的场景 '{1}'"),
        ("id: workspace {0} has no scenario '{1}' in language '{2}'", "id：工作区 {0} 没有语言为 '{2}' 的场景 '{1}'"),
        ("a scenario file may be at most {0} characters; nothing was stored", "场景文件最多 {0} 个字符；未保存任何内容"),
        // Application/Backup
        ("a backup may be at most {0} bytes", "备份最多 {0} 字节"),
        ("the deployment's storage or silos failed while the restore wrote workspace {0} ({1}); {2}; the backup file is fine: try again when the storage answers",
            "恢复写入工作区 {0} 时，部署的存储或 silo 出现故障（{1}）；{2}；备份文件完好：存储恢复后请重试"),
        ("workspace {0} already exists ({1}, created {2}): a restore never writes over a workspace; restore into a new name",
            "工作区 {0} 已存在（{1}，创建于 {2}）：恢复从不覆盖已有工作区；请恢复到新的名称"),
        ("{0}; nothing was kept", "{0}；未保留任何内容"),
        ("{0}; the workspace was not created, but forgetting what was written failed too ({1}): restore this backup into the same name again once the storage answers, which replaces what is left",
            "{0}；工作区未创建，但清除已写入的内容也失败了（{1}）：存储恢复后请把这个备份再次恢复到同一名称，这会替换剩下的内容"),
        ("{0}; nothing was restored", "{0}；未恢复任何内容"),
        // Application/Calibration
        ("workspace {0} already exists; a calibrated simulation is created in a new workspace", "工作区 {0} 已存在；校准后的模拟会创建在新的工作区中"),
        ("products[{0}]: needs a name and a list price of 0 or more (was '{1}', {2})", "products[{0}]：需要名称和不小于 0 的标价（当前为 '{1}'，{2}）"),
        // Application/Compensation, Quotas, Projection
        ("period: unknown fiscal period '{0}' (use FY2027, FY2027-Q1..Q4, FY2027-M01..M12 or a period named in the setup)",
            "period：未知的财务期间 '{0}'（请使用 FY2027、FY2027-Q1..Q4、FY2027-M01..M12 或设置中命名的期间）"),
        ("period: unknown fiscal period '{0}' (goal seek covers the quarter the workspace is in: {1})", "period：未知的财务期间 '{0}'（目标求解针对工作区当前所在的季度：{1}）"),
        ("period: goal seek covers the quarter the workspace is in ({0}), not {1}", "period：目标求解针对工作区当前所在的季度（{0}），而不是 {1}"),
        ("basis: unknown basis '{0}' (use {1})", "basis：未知的依据 '{0}'（请使用 {1}）"),
        ("basis: the workspace's history does not cover the period before {0}, so there is no suggestion from history to adopt",
            "basis：工作区的历史没有覆盖 {0} 之前的期间，因此没有可采用的基于历史的建议"),
        ("paths must be between 100 and 20000 (was {0})", "路径数必须在 100 到 20000 之间（当前为 {0}）"),
        ("lever must be budget, commission or accelerator (was '{0}')", "lever 必须是 budget、commission 或 accelerator（当前为 '{0}'）"),
        ("target: the commission and accelerator levers need a target", "target：提成与超额提成杠杆需要一个目标"),
        // Application/Forecast
        ("scopeId '{0}' must be a team, a region or \"company\" of workspace {1}", "scopeId '{0}' 必须是工作区 {1} 的团队、区域或 \"company\""),
        ("sign in to delete views: a visitor only looks", "登录后才能删除视图：访客只能查看"),
        // Application/Ingestion, Privacy, Records, Twin, Workspaces
        ("event {0} ({1}): {2}", "事件 {0}（{1}）：{2}"),
        ("workspace {0} has no journey {1}", "工作区 {0} 没有客户旅程 {1}"),
        ("journey {0} of workspace {1} was archived on {2}: its figures stay in the totals, its record and timeline are no longer kept",
            "工作区 {1} 的客户旅程 {0} 已于 {2} 归档：其数字仍计入总数，其记录和时间线不再保留"),
        ("journey {0} was archived on {1} (closed longer ago than rules.archiveClosedAfterDays): send its events under a new journey id",
            "客户旅程 {0} 已于 {1} 归档（关闭时间早于 rules.archiveClosedAfterDays）：请用新的客户旅程 id 发送其事件"),
        ("{0} rows match; a CSV holds at most {1}: narrow the filters", "有 {0} 行符合条件；一个 CSV 最多 {1} 行：请缩小筛选范围"),
        ("workspace {0} has no figures yet: let it run or send events first", "工作区 {0} 还没有数据：请先让它运行或发送事件"),
        ("figures for a period come from the company-wide daily history: only for those who see the whole workspace",
            "某一期间的数据来自全公司的每日历史：只对能看到整个工作区的人开放"),
        ("journey {0} is outside your part of workspace {1}", "客户旅程 {0} 不在你负责的工作区 {1} 范围内"),
        // Application/Setup
        ("format '{0}' is neither json nor yaml", "格式 '{0}' 既不是 json 也不是 yaml"),
        ("a setup document may be at most {0} MB; nothing was applied", "设置文件最多 {0} MB；未作任何更改"),
        ("workspace {0} has no setup version {1}", "工作区 {0} 没有设置版本 {1}"),
        ("'{0}' is not a part of a setup; the parts are {1}", "'{0}' 不是设置的组成部分；组成部分有 {1}"),
        ("there is no template {0}", "没有模板 {0}"),
        ("the change was made against version {0} but the setup is at version {1}; read it again and reapply the change",
            "此更改基于版本 {0}，但设置已是版本 {1}；请重新读取后再次应用更改"),
        ("workspace {0} exists already; choose a new name", "工作区 {0} 已存在；请换一个名称"),
        // Application/Training
        ("assignmentId: workspace {0} has no assignment '{1}'", "assignmentId：工作区 {0} 没有任务 '{1}'"),
        ("trainee: '{0}' is not a trainee name", "trainee：'{0}' 不是学员名称"),
        ("trainee: '{0}' is not on assignment {1}", "trainee：'{0}' 不在任务 {1} 中"),
        ("{0} has not reached the pass mark of {1} on {2} yet (best: {3})", "{0} 在 {2} 上尚未达到及格分 {1}（最好成绩：{3}）"),
        ("rep: '{0}' is not a rep id (such as rep-1-2-3)", "rep：'{0}' 不是销售编号（例如 rep-1-2-3）"),
        ("trainee: sign in, or name the trainee (letters, digits, spaces, dots or dashes)", "trainee：请登录，或写出学员名称（字母、数字、空格、点或连字符）"),
        ("cohort: '{0}' is not a cohort name", "cohort：'{0}' 不是培训班名称"),
        ("journeyId: {0}", "journeyId：{0}"),
        ("trainee: you may train only as yourself ('{0}')", "trainee：你只能以自己的身份练习（'{0}'）"),
        ("scenarioId: '{0}' is not a scenario (known: {1})", "scenarioId：'{0}' 不是场景（已有：{1}）"),
        ("choiceId: is required (one of the session's choices)", "choiceId：必填（本次练习的选项之一）"),
        ("sessionId: training session '{0}' was never started in {1}", "sessionId：培训练习 '{0}' 从未在 {1} 中开始"),
        ("sessionId: training session '{0}' is {1}'s; you may act only in your own", "sessionId：培训练习 '{0}' 属于 {1}；你只能操作自己的练习"),
        // Api/ImportApi, Application/Ingestion
        ("send multipart/form-data with the files {0}", "请以 multipart/form-data 发送文件 {0}"),
        ("{0}: {1}: an imported lead keeps the campaign and channel it was created with, so map each origin as before or import into a new workspace; nothing was stored",
            "{0}：{1}：已导入的线索保留其创建时的活动和渠道，因此请按之前的方式映射每个来源，或导入到新的工作区；未保存任何内容"),
        ("the upload lacks the file field(s) {0}", "上传内容缺少文件字段 {0}"),
        ("{0} is {1} MiB ({2} bytes): at most {3} MiB ({4} bytes) are accepted, the files together (setting {5}:MaxUploadMegabytes); nothing was stored",
            "{0} 为 {1} MiB（{2} 字节）：所有文件合计最多接受 {3} MiB（{4} 字节）（设置 {5}:MaxUploadMegabytes）；未保存任何内容"),
        ("{0} is larger than allowed: at most {1} MiB ({2} bytes) are accepted, the files together (setting {3}:MaxUploadMegabytes); nothing was stored",
            "{0} 超过允许的大小：所有文件合计最多接受 {1} MiB（{2} 字节）（设置 {3}:MaxUploadMegabytes）；未保存任何内容"),
        ("a batch holds at most {0} events", "一个批次最多 {0} 个事件"),
        ("the body has {0} bytes; at most {1} are accepted", "请求内容有 {0} 字节；最多接受 {1} 字节"),
        ("the body is larger than {0} bytes", "请求内容超过 {0} 字节"),
        ("event {0} is null, not an event", "事件 {0} 为 null，不是事件"),
        ("event {0}: {1}", "事件 {0}：{1}"),
        ("line {0}: {1}", "第 {0} 行：{1}"),
        // Localisation/, Security/
        ("lang '{0}' is not one of {1}", "lang '{0}' 不是 {1} 之一"),
        ("retry after {0} s (limit per key: see Access:Ingestion)", "请在 {0} 秒后重试（每个密钥的限额：见 Access:Ingestion）"),
        ("try again in {0} s (at most {1} attempts per address per window: see Access:SignInRate)", "请在 {0} 秒后重试（每个地址每个时间窗口最多 {1} 次尝试：见 Access:SignInRate）"),
        ("no ingestion key {0}", "没有接入密钥 {0}"),
        ("grants are 'workspace:Role[:scope]' (workspace or *; Role one of {0}; a region/team id for SalesManager, a rep id for Rep): {1}",
            "授权的写法是 'workspace:Role[:scope]'（workspace 或 *；Role 为 {0} 之一；SalesManager 需区域或团队编号，Rep 需销售编号）：{1}"),
        ("send the workspace's ingestion key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'", "请以 'Authorization: Bearer <key>' 或 'X-Api-Key: <key>' 发送工作区的接入密钥"),
        ("this needs a signed-in user", "这需要已登录的用户"),
        ("the ingestion key belongs to another workspace", "该接入密钥属于另一个工作区"),
        ("your roles do not include this in this workspace", "你的角色不包括此工作区中的这项内容"),
        ("The user name or the password is wrong.", "用户名或密码错误。"),
        // Domain validators the pages pass on: periods, record and deal queries
        ("compare '{0}' is not one of {1}", "compare '{0}' 不是 {1} 之一"),
        ("period '{0}': the number of days must be in {1}", "period '{0}'：天数必须在 {1} 之内"),
        ("period '{0}': from ({1}) is after to ({2})", "period '{0}'：起始日（{1}）晚于结束日（{2}）"),
        ("period '{0}': {1} '{2}' is not a date (YYYY-MM-DD)", "period '{0}'：{1} '{2}' 不是日期（YYYY-MM-DD）"),
        ("period '{0}' is not one of {1}", "period '{0}' 不是 {1} 之一"),
        ("page must be 1 or more (was {0})", "page 必须不小于 1（当前为 {0}）"),
        ("size must be between 1 and {0} (was {1})", "size 必须在 1 到 {0} 之间（当前为 {1}）"),
        ("q must be at most 200 characters (was {0})", "q 最多 200 个字符（当前为 {0}）"),
        ("{0} '{1}' must be one of {2}", "{0} '{1}' 必须是 {2} 之一"),
        ("entered '{0}' must be a stage ({1}), then optionally ',after,until' in ISO 8601", "entered '{0}' 必须是一个阶段（{1}），其后可选 ',after,until'（ISO 8601 时间）"),
        ("entered '{0}': '{1}' is not a time in ISO 8601 (e.g. 2026-03-01T00:00:00Z)", "entered '{0}'：'{1}' 不是 ISO 8601 时间（例如 2026-03-01T00:00:00Z）"),
        ("entered '{0}': the window's start is after its end", "entered '{0}'：时间窗口的开始晚于结束"),
        ("{0} '{1}' is not a date (yyyy-MM-dd) or a time (ISO 8601)", "{0} '{1}' 不是日期（yyyy-MM-dd）或时间（ISO 8601）"),
        ("createdFrom ({0}) must be before createdTo ({1})", "createdFrom（{0}）必须早于 createdTo（{1}）"),
        // Lead tags (LeadTagText): a record list's tag filter, a LeadCreated event's tags
        ("tag '{0}' must be kind:value with kind one of {1}", "标签 '{0}' 必须为 类别:值，类别是 {1} 之一"),
        ("tag '{0}': source must be one of {1}", "标签 '{0}'：source 必须是 {1} 之一"),
        ("tag '{0}' is longer than {1} characters (was {2})", "标签 '{0}' 超过 {1} 个字符（当前为 {2}）"),
        ("tag '{0}' must not contain '{1}'", "标签 '{0}' 不得包含 '{1}'"),
        ("tags holds {0} tags; at most {1} are taken", "tags 含 {0} 个标签；最多接受 {1} 个"),
        ("tags are taken on LeadCreated only (was {0})", "只有 LeadCreated 事件可以带 tags（当前为 {0}）"),
    ], Fragment);
}
