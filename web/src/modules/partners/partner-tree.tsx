import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Empty, Input, Space, Spin, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode, TreeProps } from 'antd';
import { useState, type Key, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerTreeAnswer, PartnerTreeNode } from './partner-types';
import {
  useLoadPartnerTreeLevel,
  usePartnerTreeLevels,
  usePartnerTreeRoots,
  usePartnerTreeSearch,
} from './partners-api';

interface PartnerTreeProps {
  /** The Table | Tree switch, first in the toolbar. */
  viewSwitch: ReactNode;
  /** Add's action; without it (the user may not add) there is no Add. */
  onAdd?: () => void;
  /** Opens a partner's window: the one the table opens. */
  onOpen: (id: number) => void;
}

/** The name with the searched text marked, where it holds it. */
function Marked({ text, part }: { text: string; part: string }) {
  const at = part === '' ? -1 : text.toLocaleLowerCase().indexOf(part.toLocaleLowerCase());
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + part.length)}</mark>
      {text.slice(at + part.length)}
    </>
  );
}

/** A partner's line: its name (which opens it), its block and deletion tags, and its counters. */
function PartnerTitle({ partner, marked }: { partner: PartnerTreeNode; marked: string }) {
  const { t } = useTranslation();
  const counters = [
    partner.subPartners > 0 ? t('partnerTree.subPartners', { count: partner.subPartners }) : null,
    t('partnerTree.accounts', { count: partner.accountsCount }),
    t('partnerTree.vehicles', { count: partner.vehiclesCount }),
  ].filter((text) => text !== null);
  return (
    <Space size={4}>
      <Typography.Link strong={partner.match}>
        <Marked text={partner.name} part={marked} />
      </Typography.Link>
      {partner.blocked && <Tag color="red">{t('list.blocked')}</Tag>}
      {partner.usersBlocked && <Tag color="orange">{t('partnerTree.usersBlocked')}</Tag>}
      {partner.archived && <Tag>{t('list.archived')}</Tag>}
      <Typography.Text type="secondary">{counters.join(' · ')}</Typography.Text>
    </Space>
  );
}

/** The line that ends a level cut short: how many of its partners are shown, and how to find the rest. */
function cutShort(parentKey: string, text: string): TreeDataNode {
  return {
    key: `more-${parentKey}`,
    title: <Typography.Text type="secondary">{text}</Typography.Text>,
    isLeaf: true,
    selectable: false,
  };
}

/**
 * The Partners section's tree: the caller's roots, each level loaded when it is opened, and a search
 * that shows the partners it finds with their ancestors, opened down to them. Clicking a partner (or
 * Enter on it) opens its window.
 */
export function PartnerTree({ viewSwitch, onAdd, onOpen }: PartnerTreeProps) {
  const { t } = useTranslation();
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [showDeleted, setShowDeleted] = useState(false);
  /** The partners whose levels were opened, in the order they were. */
  const [opened, setOpened] = useState<number[]>([]);
  /** The partners open while browsing (null: the one root of a partner's own tree, else none). */
  const [browsingExpanded, setBrowsingExpanded] = useState<Key[] | null>(null);
  /** The partners open in a search's answer (`of`): at first every ancestor of what it found. */
  const [searchExpanded, setSearchExpanded] = useState<{ of: unknown; keys: Key[] }>({ of: null, keys: [] });
  const roots = usePartnerTreeRoots(showDeleted);
  const levels = usePartnerTreeLevels(opened, showDeleted);
  const found = usePartnerTreeSearch(search, showDeleted);
  const loadLevel = useLoadPartnerTreeLevel();

  const levelOf = new Map<number, PartnerTreeAnswer>();
  opened.forEach((id, index) => {
    const level = levels[index]?.data;
    if (level) levelOf.set(id, level);
  });
  const searching = search !== '' && found.data !== undefined;
  // A search's partners under each of theirs (null: the roots of the caller's tree).
  const foundUnder = new Map<number | null, PartnerTreeNode[]>();
  for (const partner of searching ? found.data.items : []) {
    foundUnder.set(partner.parentId, [...(foundUnder.get(partner.parentId) ?? []), partner]);
  }
  const levelCutText = (level: PartnerTreeAnswer) =>
    t('partnerTree.levelCut', { shown: level.items.length, total: level.total });

  const toNode = (partner: PartnerTreeNode): TreeDataNode => {
    const fromSearch = foundUnder.get(partner.id);
    const level = levelOf.get(partner.id);
    const children = fromSearch ?? level?.items;
    const more =
      fromSearch === undefined && level?.capped ? [cutShort(String(partner.id), levelCutText(level))] : [];
    return {
      key: partner.id,
      title: <PartnerTitle partner={partner} marked={searching && partner.match ? search : ''} />,
      isLeaf: partner.subPartners + (showDeleted ? partner.archivedSubPartners : 0) === 0,
      children: children && [...children.map(toNode), ...more],
    };
  };

  const rootLevel = roots.data;
  const treeData: TreeDataNode[] = searching
    ? (foundUnder.get(null) ?? []).map(toNode)
    : [
        ...(rootLevel?.items ?? []).map(toNode),
        ...(rootLevel?.capped ? [cutShort('roots', levelCutText(rootLevel))] : []),
      ];
  // A partner's own tree has one root: it starts open.
  const soleRoot = rootLevel?.items.length === 1 ? [rootLevel.items[0]!.id] : [];
  const expandedKeys = searching
    ? searchExpanded.of === found.data
      ? searchExpanded.keys
      : [...foundUnder.keys()].filter((id) => id !== null)
    : (browsingExpanded ?? soleRoot);
  // A level the search already gave is not asked for again when it is opened.
  const loadedKeys = [...opened, ...(searching ? [...foundUnder.keys()].filter((id) => id !== null) : [])];

  const loadData: TreeProps['loadData'] = async (node) => {
    const id = Number(node.key);
    await loadLevel(id, showDeleted);
    setOpened((previous) => (previous.includes(id) ? previous : [...previous, id]));
  };

  const runSearch = (text: string) => setSearch(text.trim());
  const searchLabel = t('list.search');

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        {viewSwitch}
        {onAdd && (
          <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>
            {t('list.add')}
          </Button>
        )}
        <Input.Search
          aria-label={searchLabel}
          placeholder={searchLabel}
          allowClear
          value={searchText}
          onChange={(event) => {
            setSearchText(event.target.value);
            // Clearing the box goes back to the tree as it was browsed.
            if (event.target.value === '') setSearch('');
          }}
          onSearch={runSearch}
          style={{ width: 280 }}
        />
        <Checkbox checked={showDeleted} onChange={(event) => setShowDeleted(event.target.checked)}>
          {t('list.showDeleted')}
        </Checkbox>
      </Space>
      {searching && <SearchSummary answer={found.data} />}
      {roots.isPending || (search !== '' && found.isPending) ? (
        <Spin />
      ) : (
        (!searching || found.data.total > 0) && (
          <Tree
            aria-label={t('partnerTree.label')}
            treeData={treeData}
            loadData={loadData}
            loadedKeys={loadedKeys}
            expandedKeys={expandedKeys}
            onExpand={(keys) =>
              searching ? setSearchExpanded({ of: found.data, keys }) : setBrowsingExpanded(keys)
            }
            selectedKeys={[]}
            onSelect={(_keys, info) => onOpen(Number(info.node.key))}
            showLine
            blockNode
            height={Math.max(320, window.innerHeight - 260)}
          />
        )
      )}
    </>
  );
}

/** What a search found: how many, that only the first are shown, or nothing. */
function SearchSummary({ answer }: { answer: PartnerTreeAnswer }) {
  const { t } = useTranslation();
  if (answer.total === 0) return <Empty description={t('partnerTree.nothingFound')} />;
  const shown = answer.items.filter((item) => item.match).length;
  return answer.capped ? (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      message={t('partnerTree.searchCut', { count: answer.total, shown })}
    />
  ) : (
    <Typography.Paragraph type="secondary">
      {t('partnerTree.found', { count: answer.total })}
    </Typography.Paragraph>
  );
}
