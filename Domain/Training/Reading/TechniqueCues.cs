using System.Text.RegularExpressions;

namespace Growth.Domain.Training.Reading;

/// <summary>
/// Defined cues: markers a sales trainer names when defining each technique (a question's opening word, "to recap",
/// "sounds like you're worried", figures, "refund", "compared with", "would you", "I'll send", "today only",
/// "congratulations"...), written from the technique definitions and added to a line's n-grams as one token per cue
/// family ("⟨guarantee⟩"). The naive Bayes learns how much each family weighs, like any n-gram, and the review shows a
/// cue when it decided a reading. Pure.
/// </summary>
public static partial class TechniqueCues
{
    static readonly (string Cue, string[] Markers)[] English =
    [
        ("question", ["?"]),
        ("wh-start", ["^what", "^how", "^why", "^which", "^who", "^when", "^where", "^tell me", "^walk me", "^before i"]),
        ("open-ask", ["how are things", "how's", "how is", "how do you feel", "how do you see", "what do you make", "your thoughts", "your view", "tell me", "walk me", "how did",
            "what made", "what prompted", "what got you", "how would you describe", "what do you like", "what do you enjoy", "how has", "how have you found", "what's been", "sound to you", "what questions"]),
        ("measure", ["how many", "how much", "how long", "how often", "which", "who else", "by when", "what budget", "what happens", "what's the most", "what's your target", "what would have to",
            "what would the", "do you lose", "is that happening", "what would it cost"]),
        ("yes-no-start", ["^is ", "^are ", "^do ", "^does ", "^would ", "^could ", "^can ", "^shall ", "^will ", "^have "]),
        ("if-start", ["^if we", "^if the", "^if your", "^if everything", "^if i can", "^suppose", "^hypothetically", "^assuming", "^say we"]),
        ("summary", ["so what i'm hearing", "what i'm hearing", "if i understand", "if i've understood", "if i've got", "to sum up", "summing up", "to recap", "recap",
            "let me make sure", "in short", "just to confirm", "let me check", "play that back", "putting it together", "in a nutshell", "let me see if i have", "^so ", "^so,", "so you're", "so the ", "so far we've", "if i heard you", "sum up", "the story so far"]),
        ("feeling", ["worried", "worry", "concern", "afraid", "fear", "nervous", "anxious", "hesitant", "uneasy", "unsure", "scares", "stressful",
            "frustrat", "sounds like you", "i sense", "i get the sense", "i can hear", "burned", "holding you back", "not convinced", "lie awake", "my guess is", "i suspect", "i imagine"]),
        ("figures", ["percent", "%", "#", "case stud", "data", "figures", "report", "research", "review", "testimonial", "reference", "statistic", "results", "on average", "average", "survey", "audit", "proven", "rated", "ranked"]),
        ("guarantee", ["guarantee", "refund", "money back", "money-back", "warranty", "risk-free", "no risk", "cancel", "lock-in", "promise", "in writing", "penalt",
            "service level", "credits", "free of charge", "no cost", "at our cost", "lock your price", "owe nothing", "don't pay", "waive", "covered by", "we'll match", "is free", "fix it free",
            "on us", "we'll stay until", "no minimum", "stop whenever", "pay you the difference", "no price increase"]),
        ("comparison", ["compared", "compare", "versus", " vs ", "unlike", " than ", "difference", "different", "side by side", "sets us apart", "where the other", "other vendors",
            "most vendors", "most providers", "against what", "cheaper", "whereas", "they're bigger", "they do have", "their feature", "theirs"]),
        ("readiness", ["would you", "would that", "how would you feel", "if we", "ready to", "scale of", "does that sound", "does this look", "what would it take", "anything else",
            "can you see", "would your", "are we good", "be in a position", "better fit", "are you comfortable", "would the", "how close are you", "sound like it would", "are you happy for me",
            "would starting", "would it feel", "do you think your team would"]),
        ("next-step", ["i'll", "we'll", "i will", "let me send", "let me take", "i'm sending", "book", "pencil", "kickoff", "invoice", "the contract", "the order", "welcome",
            "start date", "set up your", "reserve", "installer", "ship", "once you sign", "once your", "when we get", "when your", "let's schedule", "let's get your", "who should i address",
            "putting you down", "raise the order", "will migrate", "deliver", "mornings or afternoons"]),
        ("pressure", ["today only", "only today", "now or never", "last chance", "expire", "disappear", "left", "decide now", "sign now", "you need to", "regret", "crazy",
            "no-brainer", "everyone else", "go up", "goes up", "can't hold", "stop ", "just sign", "just say yes", "don't make me", "letting", "an answer by", "no point waiting", "sign here",
            "come back when", "find it", "fool", "wasting", "is gone", "without signing", "told my boss", "fault", "make them", "not leaving until", "can't afford to wait", "never will",
            "down the drain", "i need a yes", "can't promise", "last chance", "won't need it", "need this deal", "bloated", "crazy"]),
        ("warmth", ["congratulations", "lovely", "great to", "nice to", "proud", "well done", "hope", "weekend", "holiday", "thank you for", "thanks for", "pleasure", "inspiring",
            "award", "happy friday", "ha,", "haha", "loved", "great story", "great bunch", "bright", "lucky", "i grew up", "too,", "how was the", "what's his name", "care about", "fantastic",
            "what a", "thanks so much", "really good", "achievement", "i love that", "enjoyed", "brilliant news", "rest over", "lovely", "good to meet", "speciality", "great kid", "must be proud"]),
        ("vague", ["our products", "lots of functions", "in business for", "founded", "brochure", "available on", "latest", "best product", "headquarters", "comes in", "new version",
            "get back to you", "whenever", "send you something", "leave it with you", "think about what", "i'm not sure", "i don't know", "wrong number", "can you hear", "fair point",
            "just different", "easier to use", "help centre", "most of the same", "ask finance", "ask my manager", "this is a sales call", "calling about", "calling from", "loading", "no rush", "okay, sure", "hmm"]),
    ];

    static readonly (string Cue, string[] Markers)[] Chinese =
    [
        ("question", ["？", "?", "吗", "呢"]),
        ("wh-start", ["什么", "怎么", "哪", "多少", "多久", "几", "为什么", "如何", "能跟我说说", "能多讲讲"]),
        ("open-ask", ["怎么样", "感觉如何", "怎么看", "怎么想", "聊聊", "讲讲", "说说", "什么想法", "什么感觉", "有什么收获", "有哪些变化", "怎么考虑", "从哪儿开始", "还有什么想问", "怎么走",
            "是怎么回事", "怎么知道", "怎么安排", "怎么走上", "最关键的是什么", "成就感"]),
        ("measure", ["多少", "多久", "几个", "几辆", "几份", "几小时", "哪一", "哪个", "哪几", "多长时间", "谁来", "还有谁", "什么时候需要", "最晚", "预算", "是不是一直", "会不会", "朝哪",
            "至少要做到", "要做到", "最需要"]),
        ("if-start", ["^如果价格", "^如果下个月", "^如果定", "^如果装", "^如果IT", "^如果您要", "^如果分", "^如果我把", "^如果试", "^如果会计", "^如果上线", "^假如", "^假设", "^要是定", "^要是安装", "^要是旺季"]),
        ("summary", ["也就是说", "^所以", "总结", "我确认", "确认一下", "没理解错", "理解得", "我理解的是", "听下来", "梳理", "复述", "简单来说", "一句话", "综合来看", "归纳",
            "听您的意思", "在您看来", "过一遍", "理一下", "说好了", "如果我没听错", "没听错", "说白了", "我这么说没错吧"]),
        ("feeling", ["担心", "顾虑", "怕", "犹豫", "不放心", "拿不准", "压力", "闹心", "吃过亏", "不相信", "靠不靠得住", "我猜", "我感觉您", "听得出来您", "听起来您"]),
        ("figures", ["#", "数据", "案例", "报告", "百分之", "平均", "测评", "统计", "评价", "反馈", "结果", "研究", "审计", "调查", "评分", "排第一", "测算", "算账"]),
        ("guarantee", ["保证", "保障", "退款", "全退", "退给", "退多少", "质保", "承诺", "写进合同", "赔", "免费", "包票", "包教包会", "零风险", "随时可以停", "锁定", "不收", "无条件",
            "违约金", "解约", "不用付", "随时可以", "没有任何风险", "钱全退", "免了", "全免", "保修", "就能停", "退钱", "免费上", "补给您", "不涨价", "做不到"]),
        ("comparison", ["比", "不一样", "不同", "区别", "对比", "还没有", "不到", "只有一半", "他们功能", "大品牌"]),
        ("readiness", ["如果", "假如", "假设", "要是", "的话", "一到十", "倾向", "是不是就", "同意吗", "够不够", "有条件", "还需要", "还差什么", "没问题吧", "能想象", "还有别的", "更合适", "行得通", "离做决定", "稳不稳妥", "来得及",
            "可以吗", "意味着", "会卡住", "愿意报", "会考虑"]),
        ("next-step", ["我这就", "给您约", "排上", "发给您", "安排", "登记", "开通", "开好", "启动", "发货", "上门", "欢迎", "订单", "备注", "我给您", "会给您打电话", "建好", "送到", "留着", "回访", "开票", "发票", "合同抬头", "定一下", "迁过去", "约时间", "提上去", "带您的"]),
        ("pressure", ["今天签", "过了今天", "就没有了", "就没了", "最后", "名额", "现在不", "现在就定", "涨价", "后悔", "别犹豫", "别想", "冤大头", "逼", "准话", "别让我", "挤", "落在",
            "就签了吧", "直接定", "直接办", "差这一单", "签个字", "给别人", "再来找我", "耽误", "太傻", "白花钱", "等不起", "买不起", "甩在后面", "就是了", "不舍得", "要您一句话", "就结束了",
            "我就不走", "用不上", "签就完", "多亏", "可别", "信我", "保证不了", "过了这个村", "签吧", "别操心", "机会"]),
        ("warmth", ["恭喜", "漂亮", "真好", "厉害", "不容易", "了不起", "希望您", "周末", "假期", "谢谢", "很高兴", "愉快", "可爱", "福气", "哈哈", "实至名归", "受启发", "长大",
            "喜欢骑车", "真细", "给力", "家里都好", "难得", "生意好嘛", "关心团队", "太感谢", "骄傲", "好孩子", "写得真好", "舒服", "幸福", "好好休息", "佩服", "不简单", "挺好", "快乐",
            "高兴", "头大"]),
        ("vague", ["产品推广", "功能很多", "做了很多年", "成立", "宣传册", "都能装", "最新", "最好的", "总部", "三种", "新版本", "再联系", "回头", "方便都行", "想好了再", "考虑考虑",
            "晚点", "不太确定", "不清楚", "打错", "听得到吗", "有道理", "就是不一样", "更好用", "帮助中心", "大部分也有", "跟财务", "问问我们经理", "推销电话", "我是销售部", "加载",
            "不着急", "行，没问题", "嗯", "谁负责采购"]),
    ];

    /// <summary>The cue tokens a line carries (each at most once), in the order the families are listed.</summary>
    public static IEnumerable<string> Of(string line, LineLanguage language)
    {
        var text = language == LineLanguage.English
            ? Digits().Replace(line.ToLowerInvariant().Replace('’', '\''), "#")
            : Digits().Replace(line, "#");
        foreach (var (cue, markers) in language == LineLanguage.English ? English : Chinese)
            if (markers.Any(m => m.StartsWith('^') ? text.TrimStart().StartsWith(m[1..], StringComparison.Ordinal) : text.Contains(m, StringComparison.Ordinal)))
                yield return $"⟨{cue}⟩";
    }

    [GeneratedRegex(@"[0-9０-９]+([.,][0-9]+)?")]
    private static partial Regex Digits();
}
