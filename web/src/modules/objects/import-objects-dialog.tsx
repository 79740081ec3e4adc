import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContractSelect } from '../../ui/contract-select';
import { ProblemAlert } from '../../ui/problem-alert';
import { useServerErrors } from '../../ui/use-server-errors';
import type { ImportReport } from './object-types';
import { downloadImportSample, useImportObjects } from './objects-api';

interface ImportObjectsDialogProps {
  /** Imported into this contract; otherwise each row names its contract, or one is chosen here. */
  contractId?: number;
  partnerId?: number;
  onClose: () => void;
}

/** Import of objects from a csv or xlsx file, then the report: how many were created and which rows were refused and why. */
export function ImportObjectsDialog({ contractId, partnerId, onClose }: ImportObjectsDialogProps) {
  const { t, i18n } = useTranslation();
  const importObjects = useImportObjects();
  const [file, setFile] = useState<File | null>(null);
  const [intoContract, setIntoContract] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  // No form here: the server's every word on the file is told in the alert.
  const serverErrors = useServerErrors();

  const send = () => {
    if (!file) return;
    serverErrors.clearProblem();
    importObjects.mutate(
      { file, contractId: contractId ?? intoContract ?? undefined },
      { onSuccess: setReport, onError: serverErrors.show },
    );
  };

  const downloadSample = (format: 'xlsx' | 'csv') => {
    serverErrors.clearProblem();
    downloadImportSample(format).catch(serverErrors.show);
  };

  const fieldName = (field: string) =>
    i18n.exists(`object.fields.${field}`) ? t(`object.fields.${field}`) : field || '—';
  const refusedRows = (report?.refused ?? []).flatMap((refused) =>
    (refused.errors.length ? refused.errors : [{ field: '', code: '', message: '' }]).map((entry, index) => ({
      key: `${refused.row}-${index}`,
      row: refused.row,
      field: fieldName(entry.field),
      reason: entry.message,
    })),
  );

  return (
    <Modal
      open
      title={t('objects.import.title')}
      width={760}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      footer={
        report ? (
          <Button type="primary" onClick={onClose}>
            {t('objects.import.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" disabled={!file} loading={importObjects.isPending} onClick={send}>
              {t('objects.import.submit')}
            </Button>
          </>
        )
      }
    >
      <ProblemAlert problem={serverErrors.problem} />
      {report ? (
        <section aria-label={t('objects.import.report')}>
          <Alert
            role="status"
            type={report.refused.length ? 'warning' : 'success'}
            showIcon
            message={t('objects.import.created', { count: report.created })}
            description={
              report.refused.length
                ? t('objects.import.refusedCount', { count: report.refused.length })
                : undefined
            }
            style={{ marginBottom: 12 }}
          />
          {refusedRows.length > 0 && (
            <Table
              size="small"
              aria-label={t('objects.import.refusedTable')}
              dataSource={refusedRows}
              pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
              columns={[
                { title: t('objects.import.row'), dataIndex: 'row', width: 80 },
                { title: t('objects.import.field'), dataIndex: 'field', width: 200 },
                { title: t('objects.import.reason'), dataIndex: 'reason' },
              ]}
            />
          )}
        </section>
      ) : (
        <>
          <Typography.Paragraph>{t('objects.import.hint')}</Typography.Paragraph>
          <Space
            role="group"
            aria-labelledby="objects-import-sample"
            size={4}
            wrap
            style={{ marginBottom: 16 }}
          >
            <span id="objects-import-sample">{t('objects.import.sample')}</span>
            <Button
              type="link"
              size="small"
              icon={<DownloadOutlined />}
              onClick={() => downloadSample('xlsx')}
            >
              Excel (xlsx)
            </Button>
            <Button
              type="link"
              size="small"
              icon={<DownloadOutlined />}
              onClick={() => downloadSample('csv')}
            >
              CSV
            </Button>
          </Space>
          {contractId === undefined && (
            <Form layout="vertical">
              <Form.Item
                label={t('objects.import.contract')}
                htmlFor="objects-import-contract"
                extra={t('objects.import.contractHint')}
              >
                <ContractSelect
                  id="objects-import-contract"
                  partnerId={partnerId}
                  value={intoContract}
                  onChange={(value) => setIntoContract(value ?? null)}
                />
              </Form.Item>
            </Form>
          )}
          <Upload
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            beforeUpload={(chosen) => {
              setFile(chosen);
              // Kept in the browser: the file goes as the body of the import request on Import.
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={
              file ? [{ uid: 'chosen', name: file.name, status: 'done' as const, size: file.size }] : []
            }
          >
            <Button icon={<UploadOutlined />}>{t('objects.import.chooseFile')}</Button>
          </Upload>
        </>
      )}
    </Modal>
  );
}
