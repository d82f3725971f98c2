import { bucketDelta, histogramBuckets, parsePrometheus, quantile, sumOf } from './system-readings';

const before = `# HELP labflow_http_request_duration_seconds HTTP request latency by route and status
# TYPE labflow_http_request_duration_seconds histogram
labflow_http_request_duration_seconds_bucket{le="0.01",method="POST",route="/dataPartialFromDevice",status="200"} 1
labflow_http_request_duration_seconds_bucket{le="0.1",method="POST",route="/dataPartialFromDevice",status="200"} 2
labflow_http_request_duration_seconds_bucket{le="+Inf",method="POST",route="/dataPartialFromDevice",status="200"} 2
labflow_message_handler_duration_seconds_count{topic="device.data.received",kind="events",outcome="handled"} 5
`;
const after = `labflow_http_request_duration_seconds_bucket{le="0.01",method="POST",route="/dataPartialFromDevice",status="200"} 51
labflow_http_request_duration_seconds_bucket{le="0.1",method="POST",route="/dataPartialFromDevice",status="200"} 101
labflow_http_request_duration_seconds_bucket{le="+Inf",method="POST",route="/dataPartialFromDevice",status="200"} 102
labflow_http_request_duration_seconds_bucket{le="0.01",method="GET",route="/health/ready",status="200"} 7
labflow_http_request_duration_seconds_bucket{le="0.1",method="GET",route="/health/ready",status="200"} 7
labflow_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/health/ready",status="200"} 7
labflow_message_handler_duration_seconds_count{topic="device.data.received",kind="events",outcome="handled"} 21
labflow_message_handler_duration_seconds_count{topic="device.data.received",kind="events",outcome="rejected"} 3
`;

describe('demo summary readings', () => {
  const device = (l: Record<string, string>) => l.route === '/dataPartialFromDevice';

  it('parses Prometheus text and sums the series a filter keeps', () => {
    const handled = (l: Record<string, string>) => l.topic === 'device.data.received' && l.outcome === 'handled';
    expect(sumOf(parsePrometheus(after), 'labflow_message_handler_duration_seconds_count', handled)
      - sumOf(parsePrometheus(before), 'labflow_message_handler_duration_seconds_count', handled)).toBe(16);
  });

  it('takes quantiles of the requests between two readings, like histogram_quantile', () => {
    const name = 'labflow_http_request_duration_seconds';
    const delta = bucketDelta(histogramBuckets(parsePrometheus(after), name, device), histogramBuckets(parsePrometheus(before), name, device));
    expect([...delta]).toEqual([[0.01, 50], [0.1, 99], [Infinity, 100]]);
    expect(quantile(0.5, delta)).toBeCloseTo(0.01, 6); // rank 50 is the last of the first bucket
    expect(quantile(0.9, delta)).toBeCloseTo(0.01 + (0.09 * 40) / 49, 6);
    expect(quantile(0.995, delta)).toBe(0.1); // in +Inf: the highest finite bound
    expect(quantile(0.5, new Map())).toBeNull();
  });
});
