import {
  AuditOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  FileTextOutlined,
  FileWordOutlined,
  ProfileOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { call } from './api';
import { useConfirmLeave } from './unsaved';
import { useLoad } from './hooks';
import { dropProposals, loadProposals } from './proposals-cache';
import { CheckScreen } from './screens/Check';
import { DocumentsScreen } from './screens/Documents';
import { ImportScreen } from './screens/Import';
import { OverviewScreen } from './screens/Overview';
import { ProposalsScreen } from './screens/Proposals';
import { SessionsScreen } from './screens/Sessions';
import { SettingsScreen } from './screens/Settings';
import { TemplatesScreen } from './screens/Templates';

const SCREENS = [
  { key: 'sessions', label: '会议', icon: <TeamOutlined /> },
  { key: 'proposals', label: '建议', icon: <ProfileOutlined /> },
  { key: 'import', label: '导入台账', icon: <CloudUploadOutlined /> },
  { key: 'overview', label: '统计概览', icon: <BarChartOutlined /> },
  { key: 'documents', label: '公文', icon: <FileWordOutlined /> },
  { key: 'check', label: '核对报告稿', icon: <AuditOutlined /> },
  { key: 'templates', label: '模板', icon: <FileTextOutlined /> },
  { key: 'settings', label: '设置', icon: <SettingOutlined /> },
] as const;
type ScreenKey = (typeof SCREENS)[number]['key'];

export function App() {
  const [screen, setScreen] = useState<ScreenKey>(() => (localStorage.getItem('screen') as ScreenKey) || 'sessions');
  const [sessionId, setSessionId] = useState<number | null>(() => Number(localStorage.getItem('sessionId')) || null);
  const sessions = useLoad(() => call('sessions.list', {}), []);
  const confirmLeave = useConfirmLeave();

  useEffect(() => localStorage.setItem('screen', screen), [screen]);
  useEffect(() => {
    if (sessionId) localStorage.setItem('sessionId', String(sessionId));
  }, [sessionId]);
  // A session just created or imported into is chosen once the reloaded list holds it: chosen
  // before, the list still in hand (without it) would put the choice back on its first session.
  const [wanted, setWanted] = useState<{ id: number } | { name: string } | null>(null);
  useEffect(() => {
    const list = sessions.data;
    if (!list) return;
    if (wanted) {
      const found = list.find((s) => ('id' in wanted ? s.id === wanted.id : s.name === wanted.name));
      if (!found) return;
      setWanted(null);
      setSessionId(found.id);
      return;
    }
    if (list.length > 0 && !list.some((s) => s.id === sessionId)) setSessionId(list[0]!.id);
  }, [sessions.data, sessionId, wanted]);

  const session = sessions.data?.find((s) => s.id === sessionId) ?? null;
  useEffect(() => {
    if (session) void loadProposals(session.id).catch(() => undefined);
  }, [session]);
  const needsSession = (node: React.ReactNode) =>
    session ? node : <Typography.Paragraph>请先在“会议”页新建或选择一届会议，或在“导入台账”页导入台账。</Typography.Paragraph>;

  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Sider width={160} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 16px 8px', fontWeight: 600, fontSize: 16 }}>建议办理助手</div>
        <Menu
          mode="inline"
          selectedKeys={[screen]}
          items={SCREENS.map((s) => ({ key: s.key, icon: s.icon, label: <span data-testid={`nav-${s.key}`}>{s.label}</span> }))}
          onClick={async ({ key }) => {
            if (key !== screen && (await confirmLeave())) setScreen(key as ScreenKey);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: '0 24px', borderBottom: '1px solid #f0f0f0', height: 56, lineHeight: '56px' }}
        >
          <Space>
            <span>当前会议：</span>
            <Select
              data-testid="session-select"
              style={{ minWidth: 260 }}
              placeholder="尚无会议"
              value={session?.id}
              onChange={async (value: number) => {
                if (await confirmLeave()) setSessionId(value);
              }}
              options={(sessions.data ?? []).map((s) => ({
                value: s.id,
                label: `${s.name}（${s.year}年，${s.proposalCount} 件）`,
              }))}
            />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 16, overflow: 'auto' }}>
          {screen === 'sessions' && (
            <SessionsScreen
              sessions={sessions.data ?? []}
              current={session}
              onChanged={(id) => {
                if (id) setWanted({ id });
                dropProposals(); // settings such as deadline rules change what the table shows
                sessions.reload();
              }}
            />
          )}
          {screen === 'proposals' && needsSession(session && <ProposalsScreen session={session} onChanged={sessions.reload} />)}
          {screen === 'import' && (
            <ImportScreen
              sessions={sessions.data ?? []}
              current={session}
              onImported={(name) => {
                dropProposals();
                setWanted({ name });
                sessions.reload();
              }}
            />
          )}
          {screen === 'overview' && needsSession(session && <OverviewScreen session={session} />)}
          {screen === 'documents' && needsSession(session && <DocumentsScreen session={session} />)}
          {screen === 'check' && <CheckScreen session={session} />}
          {screen === 'templates' && <TemplatesScreen />}
          {screen === 'settings' && <SettingsScreen />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
