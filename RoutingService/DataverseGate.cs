using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Xrm.Sdk;
using Polly;
using Polly.CircuitBreaker;

namespace VoiceForD365.RoutingService;

/// <summary>
/// The one way the routing service asks Dynamics during a call. Core's lookups are synchronous (the same code runs in
/// the sandbox), so they run on a few threads of the gate's own (<see cref="RoutingServiceOptions.LookupConcurrency"/>),
/// never on the request threads, with a short queue in front; a lookup that finds the queue full is refused at once.
/// A circuit breaker (Polly) counts failed and timed-out lookups and, past
/// <see cref="RoutingServiceOptions.BreakerFailureRatio"/>, stops asking for
/// <see cref="RoutingServiceOptions.BreakerBreakSeconds"/>, then lets one lookup try. Each lookup is bound to a
/// token: its Dataverse requests are cancelled when it fires.
/// </summary>
internal sealed class DataverseGate : IDisposable
{
    private readonly IOrganizationService _service;
    private readonly BlockingCollection<ILookupJob> _queue;
    private readonly Thread[] _workers;
    private readonly ResiliencePipeline _breaker;
    private readonly CircuitBreakerStateProvider _state = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeSpan _breakDuration;
    private long _requests;

    public DataverseGate(IOrganizationService service, RoutingServiceOptions options, ILogger logger, TimeProvider? time = null)
    {
        _service = service ?? throw new ArgumentNullException(nameof(service));
        ArgumentNullException.ThrowIfNull(options);
        _breakDuration = TimeSpan.FromSeconds(options.BreakerBreakSeconds);
        _queue = new BlockingCollection<ILookupJob>(new ConcurrentQueue<ILookupJob>(), options.LookupConcurrency + options.LookupQueueLength);
        _breaker = new ResiliencePipelineBuilder { TimeProvider = time ?? TimeProvider.System }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(options.BreakerSamplingSeconds),
                BreakDuration = _breakDuration,
                // Refusals of our own (queue full) say nothing about Dynamics.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null and not DataverseUnavailableException and not OperationCanceledException),
                StateProvider = _state,
                OnOpened = args =>
                {
                    RoutingLog.CircuitOpened(logger, args.BreakDuration.TotalSeconds, args.Outcome.Exception?.Message ?? "");
                    return ValueTask.CompletedTask;
                },
                OnHalfOpened = _ =>
                {
                    RoutingLog.CircuitHalfOpened(logger);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    RoutingLog.CircuitClosed(logger);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        _workers = new Thread[options.LookupConcurrency];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(Work) { IsBackground = true, Name = $"vfd-dataverse-lookup-{i + 1}" };
            _workers[i].Start();
        }
    }

    /// <summary>Dataverse requests made so far (each Execute or query of every lookup).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public CircuitState Circuit => _state.CircuitState;

    /// <summary>
    /// Runs <paramref name="work"/> against Dynamics within <paramref name="token"/>.
    /// </summary>
    /// <exception cref="DataverseUnavailableException">The circuit is open, the queue is full, or the token fired first (the message says which).</exception>
    /// <exception cref="Exception">What the work threw (a Dataverse fault, a connection error): counted by the breaker.</exception>
    public async Task<T> RunAsync<T>(Func<IOrganizationService, T> work, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await _breaker.ExecuteAsync(async attempt =>
            {
                var job = new LookupJob<T>(work, attempt);
                if (!_queue.TryAdd(job))
                    throw new DataverseUnavailableException("too many lookups wait for Dynamics (Routing:LookupConcurrency and Routing:LookupQueueLength)");
                try
                {
                    return await job.Task.WaitAsync(attempt).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (attempt.IsCancellationRequested)
                {
                    // A time-out is Dynamics failing to answer: the breaker counts it.
                    throw new TimeoutException("Dynamics did not answer within the budget");
                }
            }, token).ConfigureAwait(false);
        }
        catch (BrokenCircuitException e)
        {
            throw new DataverseUnavailableException($"the circuit is open after failed lookups: Dynamics is not asked for up to {_breakDuration.TotalSeconds:0} s", e);
        }
        catch (TimeoutException e)
        {
            throw new DataverseUnavailableException(e.Message, e);
        }
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _stopping.Cancel();
        foreach (var worker in _workers) worker.Join(TimeSpan.FromSeconds(2));
        _stopping.Dispose();
        _queue.Dispose();
    }

    private void Work()
    {
        try
        {
            foreach (var job in _queue.GetConsumingEnumerable(_stopping.Token)) job.Run(_service, () => Interlocked.Increment(ref _requests));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private interface ILookupJob
    {
        void Run(IOrganizationService service, Action counted);
    }

    private sealed class LookupJob<T>(Func<IOrganizationService, T> work, CancellationToken token) : ILookupJob
    {
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<T> Task => _result.Task;

        public void Run(IOrganizationService service, Action counted)
        {
            if (token.IsCancellationRequested)
            {
                _result.TrySetCanceled(token);
                return;
            }
            try
            {
                _result.TrySetResult(work(new BudgetedOrganizationService(service, token, counted)));
            }
            catch (Exception e)
            {
                _result.TrySetException(e);
            }
        }
    }
}
