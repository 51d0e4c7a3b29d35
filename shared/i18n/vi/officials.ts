export const officials = {
  title: 'Cán bộ',
  listLabel: 'Danh sách cán bộ',
  add: 'Thêm cán bộ',
  addTitle: 'Thêm cán bộ',
  editTitle: 'Sửa thông tin cán bộ',
  empty: 'Chưa có cán bộ nào. Thêm người để chọn vào các đoàn kiểm tra (chỉ phải gõ tên một lần).',
  searchLabel: 'Tìm cán bộ',
  showInactive: 'Hiện cả người đã nghỉ',
  created: 'Đã thêm "{{name}}".',
  updated: 'Đã lưu "{{name}}".',
  inactiveBadge: 'Đã nghỉ',
  fields: {
    name: 'Họ và tên',
    position: 'Chức vụ',
    organization: 'Đơn vị công tác',
    phone: 'Điện thoại',
    active: 'Còn công tác',
    notes: 'Ghi chú',
  },
  help: {
    position: 'Ví dụ: Phó Trưởng phòng Nội vụ',
  },
};
