using VoiceForD365.Core.Enreach;
using VoiceForD365.Emulator;
using Xunit;

namespace VoiceForD365.Tests.Enreach;

/// <summary>The Enreach API client against the emulator, over real HTTP on loopback.</summary>
public sealed class EnreachClientTests
{
    // ------------------------------------------------------------ success

    [Fact]
    public async Task UsersListWithEndpointOverride_Should_ReturnEveryUserWithoutDiscovery()
    {
        await using var rig = await EnreachRig.StartAsync("agent.one@contoso.test", "agent.two@contoso.test");

        var users = rig.Client().GetUsers();

        Assert.Equal(rig.Emulator.Users.All.Select(u => (u.Id, u.UserName)), users.Select(u => (u.Id, u.UserName)));
        Assert.Equal(0, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.Discovery));
        Assert.Equal(1, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.Users));
    }

    [Fact]
    public async Task UsersListWithDiscovery_Should_DiscoverOnceWithoutCredentialsThenUseTheDiscoveredEndpoint()
    {
        await using var rig = await EnreachRig.StartAsync("agent.one@contoso.test");
        var client = rig.Client(rig.Settings(discover: true));

        var first = client.GetUsers();
        var second = await client.GetUsersAsync();

        Assert.Equal(2, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Equal(rig.Emulator.ApiEndpoint, client.ResolveEndpoint());
        Assert.Equal(1, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.Discovery));
        Assert.Equal(2, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.Users));
        var discovery = Assert.Single(rig.Emulator.Requests.Log, r => r.Endpoint == EnreachEmulatorEndpoint.Discovery);
        Assert.False(discovery.HadAuthorization);
        Assert.Contains(Uri.EscapeDataString(rig.Emulator.ApiUserName), discovery.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailInAnotherCase_Should_MatchItsEnreachUser()
    {
        await using var rig = await EnreachRig.StartAsync("Agent.One@Contoso.test", "agent.two@contoso.test");
        var expected = rig.Emulator.Users.FindByUserName("agent.one@contoso.test")!.Id;

        var directory = new EnreachUserDirectory(rig.Client().GetUsers());
        var match = directory.Find("  AGENT.ONE@contoso.TEST ");

        Assert.Equal(EnreachUserMatchOutcome.Found, match.Outcome);
        Assert.Equal(expected, match.User!.Id);
    }

    [Fact]
    public async Task UserById_Should_ReturnThatUser()
    {
        await using var rig = await EnreachRig.StartAsync();
        var agent = rig.Emulator.Users.Add("agent@contoso.test", firstName: "Aino", lastName: "Agent");

        var user = rig.Client().GetUser(agent.Id);

        Assert.Equal(agent.Id, user.Id);
        Assert.Equal("agent@contoso.test", user.UserName);
        Assert.Equal("Aino", user.FirstName);
        Assert.Equal(1, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.UserById));
    }

    [Fact]
    public async Task CurrentUser_Should_BeTheApiUser()
    {
        await using var rig = await EnreachRig.StartAsync();

        var me = await rig.Client().GetCurrentUserAsync();

        Assert.Equal(rig.Emulator.ApiUserId, me.Id);
        Assert.Equal(rig.Emulator.ApiUserName, me.UserName);
        Assert.Equal(1, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.CurrentUser));
    }

    [Fact]
    public async Task SeedChangedWhileRunning_Should_BeSeenByTheNextRequest()
    {
        await using var rig = await EnreachRig.StartAsync("old@contoso.test");
        var client = rig.Client();
        Assert.Contains(client.GetUsers(), u => u.UserName == "old@contoso.test");

        rig.Emulator.Users.Replace([new EnreachEmulatorUser(Guid.NewGuid(), "new@contoso.test")]);

        Assert.Equal(["new@contoso.test"], client.GetUsers().Select(u => u.UserName));
    }

    [Fact]
    public async Task OneClientSharedByManyThreads_Should_ServeEveryCall()
    {
        await using var rig = await EnreachRig.StartAsync("a@contoso.test", "b@contoso.test");
        var client = rig.Client(rig.Settings(discover: true));

        // Dedicated threads, as the sandbox runs plug-in executions (blocking thread-pool threads instead would starve
        // the in-process emulator, which is a property of the test host, not of the client).
        var counts = new int[8];
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, counts.Length).Select(i => new Thread(() =>
        {
            try { counts[i] = client.GetUsers().Count; }
            catch (Exception e) { errors.Enqueue(e); }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => Assert.True(t.Join(TimeSpan.FromSeconds(20))));

        Assert.Empty(errors);
        Assert.All(counts, c => Assert.Equal(3, c));
        Assert.Equal(counts.Length, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.Users));
    }

    [Fact]
    public async Task SynchronousCallUnderASingleThreadedContext_Should_NotDeadlock()
    {
        await using var rig = await EnreachRig.StartAsync("a@contoso.test");
        var client = rig.Client();
        var context = new NeverRunningSynchronizationContext();
        IReadOnlyList<EnreachUser>? users = null;

        var thread = new Thread(() =>
        {
            SynchronizationContext.SetSynchronizationContext(context);
            users = client.GetUsers();
        });
        thread.Start();

        Assert.True(thread.Join(TimeSpan.FromSeconds(5)), "GetUsers did not return: it waits on its own captured context.");
        Assert.Equal(2, users!.Count);
        Assert.Equal(0, context.Posts);
    }

    // ------------------------------------------------------------ credentials

    [Fact]
    public async Task WrongSecret_Should_ThrowCredentialsErrorNamingTheEnvironmentVariables()
    {
        await using var rig = await EnreachRig.StartAsync();
        var settings = rig.Settings();
        settings.ApiSecret = "Wrong-" + rig.Emulator.ApiSecret;

        var e = Assert.Throws<EnreachCredentialsException>(() => rig.Client(settings).GetUsers());

        Assert.Equal(401, e.StatusCode);
        Assert.Equal(1, e.Attempts);
        Assert.Contains(EnreachEnvironmentVariables.ApiUserName, e.Message, StringComparison.Ordinal);
        Assert.Contains(EnreachEnvironmentVariables.ApiSecret, e.Message, StringComparison.Ordinal);
        Assert.Equal(1, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.Users));
        Secrets.AssertNotRevealed(settings.ApiUserName, settings.ApiSecret, e, rig.Traces);
    }

    [Fact]
    public async Task Forbidden_Should_ThrowCredentialsErrorWithoutRetrying()
    {
        await using var rig = await EnreachRig.StartAsync();
        rig.Emulator.Faults.Forbidden();

        var e = Assert.Throws<EnreachCredentialsException>(() => rig.Client().GetUsers());

        Assert.Equal(403, e.StatusCode);
        Assert.Equal(1, rig.Emulator.Requests.Total);
        Secrets.AssertNotRevealed(rig.Emulator.ApiUserName, rig.Emulator.ApiSecret, e, rig.Traces);
    }

    // ------------------------------------------------------------ not found

    [Fact]
    public async Task UnknownUserId_Should_ThrowNotFound()
    {
        await using var rig = await EnreachRig.StartAsync();

        var e = Assert.Throws<EnreachNotFoundException>(() => rig.Client().GetUser(Guid.NewGuid()));

        Assert.Equal(404, e.StatusCode);
        Assert.Equal(EnreachErrorKind.NotFound, e.Kind);
        Secrets.AssertNotRevealed(rig.Emulator.ApiUserName, rig.Emulator.ApiSecret, e, rig.Traces);
    }

    [Fact]
    public async Task DiscoveryOfAnUnknownApiUser_Should_ThrowNotFoundNamingTheEnvironmentVariables()
    {
        await using var rig = await EnreachRig.StartAsync();
        var settings = rig.Settings(discover: true);
        settings.ApiUserName = "nobody@contoso.test";

        var e = Assert.Throws<EnreachNotFoundException>(() => rig.Client(settings).GetUsers());

        Assert.Contains(EnreachEnvironmentVariables.ApiUserName, e.Message, StringComparison.Ordinal);
        Assert.Contains(EnreachEnvironmentVariables.ApiEndpoint, e.Message, StringComparison.Ordinal);
        Assert.Equal(0, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.Users));
        Secrets.AssertNotRevealed(settings.ApiUserName, settings.ApiSecret, e, rig.Traces);
    }

    // ------------------------------------------------------------ rate limits

    [Fact]
    public async Task RateLimitedWithRetryAfterSeconds_Should_WaitAsAskedThenSucceed()
    {
        await using var rig = await EnreachRig.StartAsync("a@contoso.test");
        rig.Emulator.Faults.TooManyRequests(times: 2, retryAfter: TimeSpan.FromSeconds(3), only: EnreachEmulatorEndpoint.Users);

        var users = rig.Client().GetUsers();

        Assert.Equal(2, users.Count);
        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)], rig.Clock.Delays);
        Assert.Equal(3, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.Users));
        Assert.Contains(rig.Traces, t => t.Contains("Retry-After", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RateLimitedWithRetryAfterDate_Should_WaitUntilThatDate()
    {
        await using var rig = await EnreachRig.StartAsync();
        rig.Emulator.Faults.TooManyRequests(times: 1, retryAfter: TimeSpan.FromSeconds(5), retryAfterAsHttpDate: true);

        rig.Client().GetUsers();

        // An HTTP date has whole seconds: the wait is the 5 s asked for, less the part of a second already gone.
        var wait = Assert.Single(rig.Clock.Delays);
        Assert.InRange(wait, TimeSpan.FromSeconds(3.5), TimeSpan.FromSeconds(5.5));
        Assert.Equal(2, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.Users));
    }

    [Fact]
    public async Task RateLimitedWithRetryAfterDateInThePast_Should_WaitTheNormalBackoff()
    {
        await using var rig = await EnreachRig.StartAsync();
        rig.Emulator.Faults.TooManyRequests(times: 2, retryAfter: TimeSpan.FromMinutes(-5), retryAfterAsHttpDate: true);

        rig.Client().GetUsers();

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], rig.Clock.Delays);
        Assert.Equal(3, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.Users));
    }

    [Fact]
    public async Task RateLimitedLongerThanTheBudget_Should_ThrowRateLimitedWithoutWaiting()
    {
        await using var rig = await EnreachRig.StartAsync();
        rig.Emulator.Faults.TooManyRequests(times: null, retryAfter: TimeSpan.FromSeconds(120));

        var e = Assert.Throws<EnreachRateLimitedException>(() => rig.Client().GetUsers());

        Assert.Equal(429, e.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), e.RetryAfter);
        Assert.Empty(rig.Clock.Delays);
        Assert.Equal(1, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.Users));
        Assert.True(e.IsTransient);
        Secrets.AssertNotRevealed(rig.Emulator.ApiUserName, rig.Emulator.ApiSecret, e, rig.Traces);
    }

    [Fact]
    public async Task RateLimitedWithoutRetryAfterOnEveryAttempt_Should_BackOffExponentiallyThenThrowRateLimited()
    {
        await using var rig = await EnreachRig.StartAsync();
        rig.Emulator.Faults.TooManyRequests(times: null);
        var settings = rig.Settings();
        settings.MaxAttempts = 4;

        var e = Assert.Throws<EnreachRateLimitedException>(() => rig.Client(settings).GetUsers());

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], rig.Clock.Delays);
        Assert.Equal(4, e.Attempts);
        Assert.Equal(4, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.Users));
    }

    // ------------------------------------------------------------ outages

    [Fact]
    public async Task ServerErrorsThenRecovery_Should_RetryAndSucceed()
    {
        await using var rig = await EnreachRig.StartAsync("a@contoso.test");
        rig.Emulator.Faults.ServerError(times: 2);

        var users = rig.Client().GetUsers();

        Assert.Equal(2, users.Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], rig.Clock.Delays);
        Assert.Equal(3, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.Users));
    }

    [Fact]
    public async Task ServerErrorsBeyondTheBudget_Should_ThrowUnavailableAfterBoundedAttempts()
    {
        await using var rig = await EnreachRig.StartAsync();
        rig.Emulator.Faults.ServerError(times: null, statusCode: 503);
        var settings = rig.Settings();
        settings.TotalBudget = TimeSpan.FromSeconds(10);
        settings.MaxAttempts = 100;

        var e = Assert.Throws<EnreachUnavailableException>(() => rig.Client(settings).GetUsers());

        // Waits of 1, 2 and 4 s fit in 10 s; the next one (8 s) would not.
        Assert.Equal(EnreachErrorKind.Unavailable, e.Kind);
        Assert.Equal(503, e.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], rig.Clock.Delays);
        Assert.Equal(4, e.Attempts);
        Assert.Equal(4, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.Users));
        Assert.True(e.Elapsed < settings.TotalBudget);
        Secrets.AssertNotRevealed(rig.Emulator.ApiUserName, rig.Emulator.ApiSecret, e, rig.Traces);
    }

    [Fact]
    public async Task ServerErrorOnEveryAttempt_Should_StopAtMaxAttempts()
    {
        await using var rig = await EnreachRig.StartAsync();
        rig.Emulator.Faults.ServerError(times: null);
        var settings = rig.Settings();
        settings.MaxAttempts = 2;

        var e = Assert.Throws<EnreachUnavailableException>(() => rig.Client(settings).GetUsers());

        Assert.Equal(2, e.Attempts);
        Assert.Equal(2, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.Users));
    }

    [Fact]
    public async Task SlowBeyondTheRequestTimeout_Should_ThrowTimeoutWithinTheBudget()
    {
        await using var rig = await EnreachRig.StartAsync();
        rig.Emulator.Faults.Slow(TimeSpan.FromSeconds(10));
        var settings = rig.Settings();
        settings.RequestTimeout = TimeSpan.FromMilliseconds(300);
        settings.TotalBudget = TimeSpan.FromSeconds(1);
        settings.InitialBackoff = TimeSpan.FromMilliseconds(100);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var e = Assert.Throws<EnreachUnavailableException>(() => rig.Client(settings, SystemEnreachClock.Instance).GetUsers());

        Assert.Equal(EnreachErrorKind.Timeout, e.Kind);
        Assert.InRange(e.Attempts, 2, 4);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"Took {watch.Elapsed} for a budget of 1 s.");
        Secrets.AssertNotRevealed(rig.Emulator.ApiUserName, rig.Emulator.ApiSecret, e, rig.Traces);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ServerTricklingItsAnswer_Should_BeGivenUpWithinTheBudget(bool synchronously)
    {
        await using var rig = await EnreachRig.StartAsync("a@contoso.test");
        rig.Emulator.Faults.Trickle(TimeSpan.FromSeconds(20));
        var settings = rig.Settings();
        settings.RequestTimeout = TimeSpan.FromSeconds(30);
        settings.TotalBudget = TimeSpan.FromSeconds(1);
        // The product's own HTTP stack (the process-wide client of plug-ins and hosts) and the real clock.
        var client = new EnreachClient(settings, rig.Traces.Enqueue);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var e = synchronously
            ? Assert.Throws<EnreachUnavailableException>(() => client.GetUsers())
            : await Assert.ThrowsAsync<EnreachUnavailableException>(() => client.GetUsersAsync());

        // The attempt's time-out is what was left of the budget: 1 s, not the 30 s per request nor the 20 s to the next byte.
        Assert.Equal(EnreachErrorKind.Timeout, e.Kind);
        Assert.Equal(1, e.Attempts);
        Assert.True(e.Elapsed < TimeSpan.FromSeconds(1.5), $"The operation took {e.Elapsed} of a budget of 1 s.");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"The call returned after {watch.Elapsed} for a budget of 1 s.");
    }

    [Fact]
    public async Task AttemptTimedOutAtTheEndOfTheBudget_Should_SayNoTimeIsLeftNotANegativeTime()
    {
        await using var rig = await EnreachRig.StartAsync();
        rig.Emulator.Faults.Slow(TimeSpan.FromSeconds(10));
        var settings = rig.Settings();
        settings.RequestTimeout = TimeSpan.FromSeconds(30);
        settings.TotalBudget = TimeSpan.FromMilliseconds(300);
        settings.InitialBackoff = TimeSpan.FromMilliseconds(100);

        var e = await Assert.ThrowsAsync<EnreachUnavailableException>(() => rig.Client(settings).GetUsersAsync());

        // The time-out fires at the end of the budget, give or take the timer's resolution: what is left is (about) 0.
        Assert.Matches(@"\(0(\.\d+)? s left\)", e.Message);
        Assert.DoesNotMatch(@"-\d", string.Join("\n", rig.Traces.Append(e.Message)));
    }

    [Fact]
    public async Task SlowButWithinTheTimeout_Should_Succeed()
    {
        await using var rig = await EnreachRig.StartAsync();
        rig.Emulator.Faults.Slow(TimeSpan.FromMilliseconds(200), times: 1);

        var users = rig.Client().GetUsers();

        Assert.Single(users);
        Assert.Empty(rig.Clock.Delays);
    }

    [Fact]
    public async Task NothingListening_Should_ThrowUnreachableAfterBoundedAttempts()
    {
        await using var rig = await EnreachRig.StartAsync();
        var settings = rig.Settings();
        settings.EndpointOverride = new Uri($"http://127.0.0.1:{Ports.Unused()}/voice/");
        settings.MaxAttempts = 3;

        var e = Assert.Throws<EnreachUnavailableException>(() => rig.Client(settings).GetUsers());

        Assert.Equal(EnreachErrorKind.Unreachable, e.Kind);
        Assert.Equal(3, e.Attempts);
        Assert.Null(e.StatusCode);
        Assert.Contains(EnreachEnvironmentVariables.ApiEndpoint, e.Message, StringComparison.Ordinal);
        Secrets.AssertNotRevealed(settings.ApiUserName, settings.ApiSecret, e, rig.Traces);
    }

    [Fact]
    public async Task CallerCancels_Should_ThrowOperationCanceledNotAnEnreachError()
    {
        await using var rig = await EnreachRig.StartAsync();
        rig.Emulator.Faults.Slow(TimeSpan.FromSeconds(10));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rig.Client().GetUsersAsync(cancel.Token));
    }

    // ------------------------------------------------------------ malformed answers

    [Theory]
    [InlineData(EnreachEmulatorMalformation.TruncatedJson)]
    [InlineData(EnreachEmulatorMalformation.NotJson)]
    [InlineData(EnreachEmulatorMalformation.MissingFields)]
    public async Task MalformedUsersList_Should_ThrowMalformedWithoutRetrying(EnreachEmulatorMalformation how)
    {
        await using var rig = await EnreachRig.StartAsync("a@contoso.test");
        rig.Emulator.Faults.Malformed(how);

        var e = Assert.Throws<EnreachMalformedResponseException>(() => rig.Client().GetUsers());

        Assert.Equal(EnreachErrorKind.MalformedResponse, e.Kind);
        Assert.Equal(1, rig.Emulator.Requests.Total);
        Secrets.AssertNotRevealed(rig.Emulator.ApiUserName, rig.Emulator.ApiSecret, e, rig.Traces);
    }

    [Theory]
    [InlineData(EnreachEmulatorMalformation.TruncatedJson)]
    [InlineData(EnreachEmulatorMalformation.MissingFields)]
    public async Task MalformedDiscoveryAnswer_Should_ThrowMalformed(EnreachEmulatorMalformation how)
    {
        await using var rig = await EnreachRig.StartAsync();
        rig.Emulator.Faults.Malformed(how, only: EnreachEmulatorEndpoint.Discovery);

        var e = Assert.Throws<EnreachMalformedResponseException>(() => rig.Client(rig.Settings(discover: true)).GetUsers());

        Assert.Contains("/api/user", e.Request, StringComparison.Ordinal);
        Assert.Equal(0, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.Users));
    }

    // ------------------------------------------------------------ the secret, on every failure path

    public static TheoryData<string> FailurePaths() =>
        ["401", "403", "404", "429", "500", "timeout", "truncated", "html", "missing fields", "unreachable", "discovery unknown user"];

    [Theory]
    [MemberData(nameof(FailurePaths))]
    public async Task FailurePath_Should_KeepTheSecretOutOfMessagesExceptionsAndTraces(string path)
    {
        await using var rig = await EnreachRig.StartAsync("a@contoso.test");
        var settings = rig.Settings();
        settings.MaxAttempts = 2;
        settings.RequestTimeout = TimeSpan.FromMilliseconds(250);
        settings.TotalBudget = TimeSpan.FromSeconds(2);
        Action call = () => rig.Client(settings).GetUsers();
        switch (path)
        {
            case "401": rig.Emulator.Faults.Unauthorized(); break;
            case "403": rig.Emulator.Faults.Forbidden(); break;
            case "404": call = () => rig.Client(settings).GetUser(Guid.NewGuid()); break;
            case "429": rig.Emulator.Faults.TooManyRequests(times: null, retryAfter: TimeSpan.FromSeconds(1)); break;
            case "500": rig.Emulator.Faults.ServerError(); break;
            case "timeout": rig.Emulator.Faults.Slow(TimeSpan.FromSeconds(5)); break;
            case "truncated": rig.Emulator.Faults.Malformed(EnreachEmulatorMalformation.TruncatedJson); break;
            case "html": rig.Emulator.Faults.Malformed(EnreachEmulatorMalformation.NotJson); break;
            case "missing fields": rig.Emulator.Faults.Malformed(EnreachEmulatorMalformation.MissingFields); break;
            case "unreachable": settings.EndpointOverride = new Uri($"http://127.0.0.1:{Ports.Unused()}/"); break;
            case "discovery unknown user":
                settings.EndpointOverride = null;
                settings.ApiUserName = "nobody@contoso.test";
                break;
            default: throw new ArgumentOutOfRangeException(nameof(path));
        }

        var e = Assert.ThrowsAny<EnreachException>(call);

        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        Assert.NotEmpty(rig.Traces);
        Secrets.AssertNotRevealed(settings.ApiUserName, settings.ApiSecret, e, rig.Traces);
    }

    [Theory]
    [InlineData("500")]
    [InlineData("401")]
    [InlineData("truncated")]
    [InlineData("unreachable")]
    public async Task OneLetterSecret_Should_LeaveTheProductsOwnWordsIntact(string path)
    {
        await using var rig = await EnreachRig.WithSecretAsync("e", "a@contoso.test");
        var settings = rig.Settings();
        settings.MaxAttempts = 1;
        switch (path)
        {
            case "500": rig.Emulator.Faults.ServerError(); break;
            case "401": rig.Emulator.Faults.Unauthorized(); break;
            case "truncated": rig.Emulator.Faults.Malformed(EnreachEmulatorMalformation.TruncatedJson); break;
            case "unreachable": settings.EndpointOverride = new Uri($"http://127.0.0.1:{Ports.Unused()}/"); break;
        }

        var e = Assert.ThrowsAny<EnreachException>(() => rig.Client(settings).GetUsers());

        Assert.StartsWith(path == "unreachable" ? "Could not reach the Enreach API" : "Enreach", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("***", string.Join("\n", rig.Traces.Append(e.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneLetterSecretEchoedByTheServer_Should_LeaveTheEchoOut()
    {
        await using var rig = await EnreachRig.WithSecretAsync("e");
        rig.Emulator.Faults.Answer("{\"Message\":\"Bad key: e\"}", statusCode: 400);

        var e = Assert.Throws<EnreachException>(() => rig.Client().GetUsers());

        Assert.StartsWith("Enreach answered 400 ", e.Message, StringComparison.Ordinal);
        Assert.Contains("which Voice for D365 does not expect", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Bad key", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("***", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretEchoedByTheServer_Should_BeMaskedInWhatItSaid()
    {
        await using var rig = await EnreachRig.StartAsync();
        rig.Emulator.Faults.Answer("{\"Message\":\"Bad key: " + rig.Emulator.ApiSecret + "\"}", statusCode: 400);

        var e = Assert.Throws<EnreachException>(() => rig.Client().GetUsers());

        Assert.Contains("{\"Message\":\"Bad key: ***\"}", e.Message, StringComparison.Ordinal);
        Secrets.AssertNotRevealed(rig.Emulator.ApiUserName, rig.Emulator.ApiSecret, e, rig.Traces);
    }

    [Fact]
    public async Task SecretInsideAnInnerException_Should_BeLeftOut()
    {
        await using var rig = await EnreachRig.StartAsync();
        var settings = rig.Settings();
        var handler = new ThrowingHandler(new HttpRequestException("proxy said: bad password " + settings.ApiSecret));
        var client = new EnreachClient(settings, handler, rig.Traces.Enqueue, rig.Clock, rig.DiscoveryCache);

        var e = Assert.Throws<EnreachUnavailableException>(() => client.GetUsers());

        Assert.Equal(EnreachErrorKind.Unreachable, e.Kind);
        Secrets.AssertNotRevealed(settings.ApiUserName, settings.ApiSecret, e, rig.Traces);
    }

    private sealed class ThrowingHandler(Exception exception) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(exception);
    }

    private sealed class NeverRunningSynchronizationContext : SynchronizationContext
    {
        private int _posts;

        public int Posts => Volatile.Read(ref _posts);

        public override void Post(SendOrPostCallback d, object? state) => Interlocked.Increment(ref _posts);

        public override void Send(SendOrPostCallback d, object? state) => Interlocked.Increment(ref _posts);
    }
}
