import { Card, Col, Empty, List, Row, Statistic, Table, Tag } from 'antd';
import { useMemo } from 'react';
import type { Output } from '../../../electron/common/api/contract';
import { NOT_PROVIDED, RATE_LABELS, UNCATEGORISED } from '../../../electron/common/stats/metrics';
import { DEADLINE_STATUS_LABELS } from '../../../electron/common/domain/deadlines';
import { termsOf } from '../../../electron/common/domain/terms';
import { call } from '../api';
import { useLoad } from '../hooks';
import { Chart } from './Chart';

type Session = Output<'sessions.list'>[number];

/** Units in the chart: every unit of a district (usually 15 to 40), the busiest of a larger list. */
const MAX_UNITS_CHARTED = 40;
const UNIT_BAR_HEIGHT = 22;
const NO_WRAP = { style: { whiteSpace: 'nowrap' as const } };

export function OverviewScreen({ session }: { session: Session }) {
  const stats = useLoad(() => call('stats.overview', { sessionId: session.id }), [session.id]);
  const s = stats.data;
  const charts = useMemo(() => {
    if (!s) return null;
    const topUnits = s.byUnit.slice(0, MAX_UNITS_CHARTED);
    return {
      category: {
        title: { text: '按类别', left: 'center' },
        tooltip: {},
        xAxis: { type: 'category' as const, data: s.byCategory.map((c) => c.label), axisLabel: { interval: 0, rotate: 20 } },
        yAxis: { type: 'value' as const, name: '件' },
        series: [
          {
            type: 'bar' as const,
            data: s.byCategory.map((c) => c.count),
            label: {
              show: true,
              position: 'top' as const,
              formatter: (p: { dataIndex: number }) => `${s.byCategory[p.dataIndex]!.percent}%`,
            },
          },
        ],
      },
      result: {
        title: { text: '按办理结果', left: 'center' },
        tooltip: {},
        series: [
          {
            type: 'pie' as const,
            radius: '60%',
            data: s.byResult.map((r) => ({ name: `${r.code ?? ''} ${r.label}`, value: r.count })),
            label: {
              formatter: (p: { dataIndex: number }) => `${s.byResult[p.dataIndex]!.label} ${s.byResult[p.dataIndex]!.percent}%`,
            },
          },
        ],
      },
      units: {
        title: {
          text:
            topUnits.length < s.byUnit.length
              ? `主办件数最多的 ${topUnits.length} 个单位（共 ${s.byUnit.length} 个）`
              : '各单位主办件数',
          left: 'center',
        },
        tooltip: {},
        grid: { left: 140, right: 32 },
        // Counts are whole items: no 0.5 ticks.
        xAxis: { type: 'value' as const, minInterval: 1, name: '件' },
        yAxis: { type: 'category' as const, data: topUnits.map((u) => u.unit).reverse(), axisLabel: { interval: 0 } },
        series: [
          {
            type: 'bar' as const,
            data: topUnits.map((u) => u.leadCount).reverse(),
            label: { show: true, position: 'right' as const },
          },
        ],
      },
    };
  }, [s]);

  if (!s || !charts) return null;
  const noCategoryGiven = s.total > 0 && s.byCategory.some((c) => c.label === UNCATEGORISED && c.count === s.total);
  const terms = termsOf(session.kind);
  const shown = (rate: { available: boolean; percent: string }) => (rate.available ? `${rate.percent}%` : NOT_PROVIDED);
  // The 同意率 only where deputies rated the result apart from the handling.
  const rates = Object.entries(s.rates)
    .filter(([key, rate]) => key !== 'agreed' || rate.available)
    .map(([key, rate]) => ({
      key,
      ...rate,
      change: s.comparison.rates[key as keyof typeof s.rates],
    }));
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card>
          <Row gutter={16}>
            <Col span={4}>
              <Statistic title={`${terms.item}总数`} value={s.total} suffix="件" data-testid="stat-total" />
            </Col>
            <Col span={4}>
              <Statistic
                title="已答复"
                value={s.rates.answered.available ? s.answered : NOT_PROVIDED}
                suffix={s.rates.answered.available ? '件' : undefined}
              />
            </Col>
            <Col span={4}>
              <Statistic title={s.rates.resolution.label} value={shown(s.rates.resolution)} data-testid="stat-resolution" />
            </Col>
            <Col span={4}>
              <Statistic title={RATE_LABELS.onTime} value={shown(s.rates.onTime)} />
            </Col>
            <Col span={4}>
              <Statistic
                title={DEADLINE_STATUS_LABELS.overdue}
                value={s.deadlines.counts.overdue}
                suffix="件"
                valueStyle={{ color: s.deadlines.counts.overdue ? '#cf1322' : undefined }}
              />
            </Col>
            <Col span={4}>
              <Statistic title={DEADLINE_STATUS_LABELS['due-soon']} value={s.deadlines.counts['due-soon']} suffix="件" />
            </Col>
          </Row>
        </Card>
      </Col>
      <Col span={12}>
        <Card>
          {!s.recorded.category ? (
            <Empty description={`按类别：${NOT_PROVIDED}（导入的台账里没有“类别”列）`} data-testid="chart-category-missing" />
          ) : noCategoryGiven ? (
            <Empty
              description={`按类别：全部 ${s.total} 件都没有填写类别（台账的“类别”列是空的，或还没有录入），没有可画的分布。可在“建议”里填写类别后再看。`}
              data-testid="chart-category-missing"
            />
          ) : (
            <Chart option={charts.category} testId="chart-category" />
          )}
        </Card>
      </Col>
      <Col span={12}>
        <Card>
          {s.recorded.result ? (
            <Chart option={charts.result} testId="chart-result" />
          ) : (
            <Empty
              description={`按办理结果：${NOT_PROVIDED}（导入的台账里没有“办理结果”列）`}
              data-testid="chart-result-missing"
            />
          )}
        </Card>
      </Col>
      <Col xs={24} xxl={12}>
        <Card title={`各项比率（与${s.comparison.previousSession ?? '上年'}比较）`}>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={rates}
            data-testid="rates-table"
            columns={[
              { title: '指标', dataIndex: 'label', onHeaderCell: () => NO_WRAP, onCell: () => NO_WRAP },
              {
                title: '比率',
                dataIndex: 'percent',
                render: (p: string, r) => (!r.available ? NOT_PROVIDED : r.denominator ? `${p}%` : '—'),
              },
              { title: '口径', dataIndex: 'basis', render: (basis: string, r) => (r.available ? basis : '台账里没有这一项') },
              {
                title: '上年',
                width: 80,
                onHeaderCell: () => NO_WRAP,
                onCell: () => NO_WRAP,
                render: (_: unknown, r) => (r.change ? `${r.change.previous}%` : ''),
              },
              {
                title: '变化',
                width: 110,
                onHeaderCell: () => NO_WRAP,
                onCell: () => NO_WRAP,
                render: (_: unknown, r) =>
                  r.change ? <Tag color={r.change.direction === '下降' ? 'red' : 'green'}>{r.change.text}</Tag> : '',
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xxl={12}>
        <Card>
          <Chart
            option={charts.units}
            height={Math.max(380, 80 + UNIT_BAR_HEIGHT * Math.min(s.byUnit.length, MAX_UNITS_CHARTED))}
            testId="chart-units"
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card title={`已逾期和即将到期（${s.deadlines.urgent.length} 件）`}>
          <List
            size="small"
            dataSource={s.deadlines.urgent}
            renderItem={(item) => (
              <List.Item>
                <Tag color={item.status === 'overdue' ? 'red' : 'orange'}>{item.statusLabel}</Tag>
                {item.number} {item.title}（期限 {item.deadline}
                {item.daysLeft !== null && (item.daysLeft < 0 ? `，已逾期 ${-item.daysLeft} 天` : `，还剩 ${item.daysLeft} 天`)}）
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
