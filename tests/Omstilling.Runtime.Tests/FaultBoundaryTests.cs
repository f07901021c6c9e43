using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Omstilling.Runtime.Tests;

public sealed class FaultBoundaryTests
{
    [Fact]
    public void A_contained_failure_is_counted_and_logged_with_its_source_and_what_was_dropped()
    {
        var log = new ListLogger();
        var monitor = new FaultMonitor(new SingleLoggerFactory(log), new FakeTimeProvider());
        var boundary = monitor.Boundary("sip.udp");

        boundary.Contain(new InvalidOperationException("boom"), "127.0.0.1:5070", "a datagram of 12 bytes");

        Assert.Equal(1, boundary.Count);
        var line = Assert.Single(log.Lines);
        Assert.Equal(7001, line.Id);
        Assert.Equal("Contained a failure at sip.udp (from 127.0.0.1:5070); dropped a datagram of 12 bytes and went on", line.Text);
        Assert.IsType<InvalidOperationException>(line.Exception);
    }

    [Fact]
    public void A_flood_of_failures_logs_up_to_the_budget_counts_them_all_and_reports_the_held_back_with_the_next_window()
    {
        var log = new ListLogger();
        var time = new FakeTimeProvider();
        var boundary = new FaultMonitor(new SingleLoggerFactory(log), time, new LogBudget(3, TimeSpan.FromSeconds(10))).Boundary("media.clock");

        for (var i = 0; i < 1000; i++)
        {
            boundary.Contain(new InvalidOperationException(), null, "a tick");
        }

        Assert.Equal(1000, boundary.Count);
        Assert.Equal(3, log.Lines.Count);
        time.Advance(TimeSpan.FromSeconds(10));
        boundary.Contain(new InvalidOperationException(), null, "a tick");
        Assert.Equal("997 more failures at media.clock were not logged (at most 3 are logged in 00:00:10)", log.Lines[3].Text);
        Assert.Equal(7001, log.Lines[4].Id);
    }

    [Fact]
    public void Run_contains_what_the_work_throws_and_says_whether_it_completed()
    {
        var boundary = new FaultMonitor(new SingleLoggerFactory(new ListLogger()), TimeProvider.System).Boundary("host.watcher");

        Assert.True(boundary.Run(() => { }, null, "nothing"));
        Assert.False(boundary.Run(() => throw new IOException("gone"), "policy.yaml", "the reload"));
        Assert.Equal(1, boundary.Count);
    }

    [Fact]
    public async Task A_watched_task_that_fails_is_contained_and_one_cancelled_is_not()
    {
        var boundary = new FaultMonitor(new SingleLoggerFactory(new ListLogger()), TimeProvider.System).Boundary("background");
        var failing = new TaskCompletionSource();
        var cancelled = new TaskCompletionSource();
        boundary.Observe(failing.Task, null, "a reload");
        boundary.Observe(cancelled.Task, null, "a reload");

        cancelled.SetCanceled();
        failing.SetException(new InvalidOperationException());
        await Task.WhenAll(failing.Task.ContinueWith(_ => { }, TaskScheduler.Default), cancelled.Task.ContinueWith(_ => { }, TaskScheduler.Default));

        Assert.Equal(1, boundary.Count); // the continuation runs synchronously with SetException
    }

    [Fact]
    public void The_monitor_lists_every_boundary_by_name_with_its_count()
    {
        var monitor = new FaultMonitor(new SingleLoggerFactory(new ListLogger()), TimeProvider.System);
        monitor.Boundary("sip.udp").Contain(new InvalidOperationException(), null, "x");
        monitor.Boundary("sip.udp").Contain(new InvalidOperationException(), null, "x");
        _ = monitor.Boundary("media.clock");

        Assert.Same(monitor.Boundary("sip.udp"), monitor.Boundary("sip.udp"));
        Assert.Equal([KeyValuePair.Create("media.clock", 0L), KeyValuePair.Create("sip.udp", 2L)], monitor.Counts());
        Assert.Equal(2, monitor.Total);
    }

    private sealed record LogLine(int Id, string Text, Exception? Exception);

    private sealed class ListLogger : ILogger
    {
        public List<LogLine> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add(new LogLine(eventId.Id, formatter(state, exception), exception));
            }
        }
    }

    private sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
