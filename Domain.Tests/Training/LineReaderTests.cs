using Growth.Domain.Journeys;
using Growth.Domain.Training.Reading;

namespace Growth.Domain.Tests.Training;

/// <summary>The line reader on lines that are not in its labelled sets, in both languages.</summary>
public class LineReaderTests
{
    static readonly LineReader Reader = LineReader.Shipped;

    public static TheoryData<string, SalesTechnique> Typical => new()
    {
        { "What's been keeping you busy lately?", SalesTechnique.OpenQuestion },
        { "How many new customers do you sign in a typical month?", SalesTechnique.NeedsQuestion },
        { "So if I've got it right, the reps want less admin and you want a clearer forecast.", SalesTechnique.Summarising },
        { "It sounds like you're worried the drivers will feel watched.", SalesTechnique.NamingWorry },
        { "Our figures from 80 clinics show restores in under thirty minutes.", SalesTechnique.Evidence },
        { "If it doesn't work for you in the first 60 days, we refund you in full.", SalesTechnique.Guarantee },
        { "Compared with the paper system, it's half the effort and nothing gets lost.", SalesTechnique.Comparison },
        { "If we could start next month, would that work for your team?", SalesTechnique.TrialClose },
        { "I'll send the order over this afternoon and book the kickoff for Monday.", SalesTechnique.AssumptiveClose },
        { "This price is only valid today, so you need to sign now.", SalesTechnique.Pressure },
        { "Congratulations on the new office, it looks lovely.", SalesTechnique.Rapport },
        { "最近店里生意怎么样？", SalesTechnique.OpenQuestion },
        { "你们一个月大概能进来多少个新客户？", SalesTechnique.NeedsQuestion },
        { "我确认一下，您是想让销售少填表，同时看清楚业绩预测，对吧？", SalesTechnique.Summarising },
        { "听起来您是担心司机会觉得被监视。", SalesTechnique.NamingWorry },
        { "我们八十家诊所客户的数据显示，恢复都在三十分钟以内。", SalesTechnique.Evidence },
        { "六十天内觉得不好用，全额退款。", SalesTechnique.Guarantee },
        { "跟纸质台账比，省一半的事，还不会丢。", SalesTechnique.Comparison },
        { "如果下个月开始，您团队那边来得及吗？", SalesTechnique.TrialClose },
        { "我下午把订单发给您，周一开启动会。", SalesTechnique.AssumptiveClose },
        { "这个价只有今天有效，您现在就得签。", SalesTechnique.Pressure },
        { "恭喜您搬了新办公室，真漂亮。", SalesTechnique.Rapport },
    };

    [Theory, MemberData(nameof(Typical))]
    public void A_typical_line_is_read_as_its_technique_with_the_ngrams_that_decided_it(string line, SalesTechnique expected)
    {
        var reading = Reader.Read(line);
        Assert.Equal(expected, reading.Technique);
        Assert.Equal(line.Any(c => c >= '\u4e00' && c <= '\u9fff') ? LineLanguage.Chinese : LineLanguage.English, reading.Language);
        Assert.NotEmpty(reading.Why);
        Assert.All(reading.Why, w => Assert.True(w.Weight > 0));
        Assert.True(reading.Confidence >= LineReaderSettings.Default.MinConfidence);
        Assert.Null(reading.Message);
    }

    [Theory]
    [InlineData("We don't have the money this year, I know, but a lost deal costs more than the licence.", ObjectionType.BudgetEnvironment)]
    [InlineData("Our support team answers within four hours, guaranteed in the contract.", ObjectionType.Service)]
    [InlineData("今年预算紧我理解，但丢一单的损失比这个费用高多了。", ObjectionType.BudgetEnvironment)]
    [InlineData("售后我们写进合同，四小时内响应。", ObjectionType.Service)]
    public void An_answer_to_an_objection_names_the_objection(string line, ObjectionType objection)
    {
        var reading = Reader.Read(line);
        Assert.Equal(objection, reading.Objection);
        Assert.NotEmpty(reading.ObjectionWhy);
    }

    [Theory]
    [InlineData("zzz qqq")]
    [InlineData("Blorf wibble snark.")]
    [InlineData("咕噜咕噜")]
    public void A_line_the_reader_cannot_place_is_read_as_other_with_a_message(string line)
    {
        var reading = Reader.Read(line);
        Assert.Equal(SalesTechnique.Other, reading.Technique);
        Assert.NotNull(reading.Message);
        Assert.StartsWith("read as other:", reading.Message);
        Assert.Empty(reading.Why);
    }

    [Fact]
    public void A_low_confidence_guess_is_other_and_the_message_names_the_guess_and_its_probability()
    {
        var strict = LineReader.Train(LabelledLines.Shipped(LineLanguage.English), LabelledLines.Shipped(LineLanguage.Chinese),
            LineReaderSettings.Default with { MinConfidence = 0.999999 });
        var reading = strict.Read("Maybe we could look at that together sometime.");
        Assert.Equal(SalesTechnique.Other, reading.Technique);
        Assert.NotEqual(SalesTechnique.Other, reading.BestGuess);
        Assert.Contains(SalesTechniques.Label(reading.BestGuess), reading.Message);
        Assert.Contains("likely", reading.Message);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    public void An_empty_line_is_refused_naming_the_line(string line, string problem)
    {
        var e = Assert.Throws<ArgumentException>(() => Reader.Read(line));
        Assert.StartsWith("line:", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void A_too_long_line_is_refused_with_its_length_and_the_limit()
    {
        var e = Assert.Throws<ArgumentException>(() => Reader.Read(new string('a', LineReader.MaxLength + 1)));
        Assert.Contains($"{LineReader.MaxLength + 1} characters", e.Message);
        Assert.Contains($"at most {LineReader.MaxLength}", e.Message);
    }

    [Fact]
    public void Reading_is_deterministic()
    {
        var other = LineReader.Train(LabelledLines.Shipped(LineLanguage.English), LabelledLines.Shipped(LineLanguage.Chinese));
        foreach (var line in new[] { "How many vans do you run?", "您是担心价格吧。" })
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(Reader.Read(line)), System.Text.Json.JsonSerializer.Serialize(other.Read(line)));
    }

    [Theory]
    [InlineData("step\ttechnique\tobjection\tline\n开场白\tOpenQuestion\t-", "row 2: expected 4 tab-separated columns")]
    [InlineData("step\ttechnique\tobjection\tline\nOpening\tOpenQuestion\t-\tHi", "row 2: step 'Opening' is not one of 开场白")]
    [InlineData("step\ttechnique\tobjection\tline\n开场白\tSmallTalk\t-\tHi", "row 2: technique 'SmallTalk' is not one of OpenQuestion")]
    [InlineData("step\ttechnique\tobjection\tline\n开场白\tRapport\tPrice\tHi", "row 2: objection 'Price' is not '-' or one of Experience")]
    [InlineData("step\ttechnique\tobjection\tline\n开场白\tRapport\t-\t ", "row 2: the line is empty")]
    public void A_bad_labelled_row_is_refused_naming_file_row_and_what_is_allowed(string tsv, string message)
    {
        var e = Assert.Throws<FormatException>(() => LabelledLines.Parse("x.tsv", tsv));
        Assert.StartsWith("x.tsv " + message, e.Message);
    }

    [Fact]
    public void The_shipped_sets_cover_every_step_and_technique_in_both_languages()
    {
        foreach (var language in new[] { LineLanguage.English, LineLanguage.Chinese })
        {
            var lines = LabelledLines.Shipped(language);
            Assert.All(LabelledLines.Steps, step => Assert.Contains(lines, l => l.Step == step));
            Assert.All(Enum.GetValues<SalesTechnique>(), t => Assert.True(lines.Count(l => l.Technique == t) >= 20, $"{language} {t}"));
            Assert.All(Enum.GetValues<ObjectionType>(), o => Assert.Contains(lines, l => l.Objection == o));
            Assert.Equal(lines.Count, lines.Select(l => l.Text).Distinct().Count());
        }
    }
}
